import { z } from "@hono/zod-openapi";
import { challengeShape, responseComponent } from "../challenge.ts";

export const component = "ak-stage-authenticator-validate";

export const DeviceChallenge = z
  .object({
    device_class: z.string(),
    device_uid: z.string(),
    challenge: z.record(z.string(), z.unknown()),
    last_used: z.iso.datetime({ offset: true }).nullable(),
  })
  .openapi("DeviceChallenge", { description: "Single device challenge" });

const DeviceChallengeRequest = z
  .object({
    device_class: z.string().min(1),
    device_uid: z.string().min(1),
    challenge: z.record(z.string(), z.unknown()),
    last_used: z.iso.datetime({ offset: true }).nullable(),
  })
  .openapi("DeviceChallengeRequest", { description: "Single device challenge" });

export const SelectableStage = z
  .object({ pk: z.uuid(), name: z.string(), verbose_name: z.string(), meta_model_name: z.string() })
  .openapi("SelectableStage", { description: "Serializer for stages which can be selected by users" });

export const challengeSchema = z
  .object({
    ...challengeShape(component),
    pending_user: z.string(),
    pending_user_avatar: z.string(),
    device_challenges: z.array(DeviceChallenge),
    configuration_stages: z.array(SelectableStage),
  })
  .openapi("AuthenticatorValidationChallenge", { description: "Authenticator challenge" });

export const responseSchema = z
  .object({
    component: responseComponent(component),
    selected_challenge: DeviceChallengeRequest.optional(),
    selected_stage: z.string().min(1).optional(),
    code: z.string().min(1).optional(),
    webauthn: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi("AuthenticatorValidationChallengeResponseRequest", {
    description: "Challenge used for Code-based and WebAuthn authenticators",
  });

export type DeviceChallengeBody = z.infer<typeof DeviceChallenge>;
export type ValidationResponse = z.infer<typeof responseSchema>;
