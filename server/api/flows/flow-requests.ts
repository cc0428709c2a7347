import { z } from "@hono/zod-openapi";
import { PolicyEngineMode } from "../core/applications.ts";
import { AuthenticationEnum, DeniedActionEnum, FlowDesignationEnum, FlowLayoutEnum } from "./flow-models.ts";

const requestFields = {
  name: z.string().min(1),
  slug: z.string().min(1).max(50).regex(/^[-a-zA-Z0-9_]+$/),
  title: z.string().min(1),
  designation: FlowDesignationEnum,
  policy_engine_mode: PolicyEngineMode.optional(),
  compatibility_mode: z.boolean().optional(),
  layout: FlowLayoutEnum.optional(),
  denied_action: DeniedActionEnum.optional(),
  authentication: AuthenticationEnum.optional(),
};

export const FlowRequest = z.object(requestFields).openapi("FlowRequest", { description: "Flow Serializer" });
export const PatchedFlowRequest = z.object(requestFields).partial().openapi("PatchedFlowRequest", { description: "Flow Serializer" });

/** A flow request's fields as columns; absent fields are left out, so a patch changes only what it names. */
export const flowColumns = (body: z.infer<typeof PatchedFlowRequest>) => ({
  name: body.name,
  slug: body.slug,
  title: body.title,
  designation: body.designation,
  policyEngineMode: body.policy_engine_mode,
  compatibilityMode: body.compatibility_mode,
  layout: body.layout,
  deniedAction: body.denied_action,
  authentication: body.authentication,
});
