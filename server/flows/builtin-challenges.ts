import { z } from "@hono/zod-openapi";
import { challengeShape } from "./challenge.ts";

export const RedirectChallenge = z
  .object({ ...challengeShape("xak-flow-redirect"), to: z.string() })
  .openapi("RedirectChallenge", { description: "Challenge type to redirect the client" });

export const AccessDeniedChallenge = z
  .object({
    ...challengeShape("ak-stage-access-denied"),
    pending_user: z.string(),
    pending_user_avatar: z.string(),
    error_message: z.string().optional(),
  })
  .openapi("AccessDeniedChallenge", { description: "Challenge when a flow's active stage calls `stage_invalid()`." });

export const FlowErrorChallenge = z
  .object({
    ...challengeShape("ak-stage-flow-error"),
    request_id: z.string(),
    error: z.string().optional(),
  })
  .openapi("FlowErrorChallenge", {
    description: "Challenge class when an unhandled error occurs during a stage.",
  });
