import { z } from "@hono/zod-openapi";
import type { flows } from "../../db/schema.ts";
import { PolicyEngineMode } from "../core/applications.ts";

export type FlowRow = typeof flows.$inferSelect;

export const FlowDesignationEnum = z
  .enum(["authentication", "authorization", "invalidation", "enrollment", "unenrollment", "recovery", "stage_configuration"])
  .openapi("FlowDesignationEnum");
export const FlowLayoutEnum = z
  .enum(["stacked", "content_left", "content_right", "sidebar_left", "sidebar_right"])
  .openapi("FlowLayoutEnum");
export const DeniedActionEnum = z.enum(["message_continue", "message", "continue"]).openapi("DeniedActionEnum");
export const AuthenticationEnum = z
  .enum(["none", "require_authenticated", "require_unauthenticated", "require_superuser", "require_redirect", "require_outpost"])
  .openapi("AuthenticationEnum");

export const Flow = z
  .object({
    pk: z.uuid().openapi({ readOnly: true }),
    policybindingmodel_ptr_id: z.uuid().openapi({ readOnly: true }),
    name: z.string(),
    slug: z.string().max(50).regex(/^[-a-zA-Z0-9_]+$/),
    title: z.string(),
    designation: FlowDesignationEnum,
    background: z.string().openapi({ readOnly: true }),
    stages: z.array(z.uuid()).openapi({ readOnly: true }),
    policies: z.array(z.uuid()).openapi({ readOnly: true }),
    cache_count: z.number().int().openapi({ readOnly: true }),
    policy_engine_mode: PolicyEngineMode.optional(),
    compatibility_mode: z.boolean().optional(),
    export_url: z.string().openapi({ readOnly: true }),
    layout: FlowLayoutEnum.optional(),
    denied_action: DeniedActionEnum.optional(),
    authentication: AuthenticationEnum.optional(),
  })
  .openapi("Flow", { description: "Flow Serializer" });

/** The background every flow shows unless it sets its own. */
export const defaultFlowBackground = "/static/dist/flow-background.svg";

export const flowBackground = (flow: FlowRow) => flow.background || defaultFlowBackground;

export function serializeFlow(flow: FlowRow, stagePks: string[]): z.infer<typeof Flow> {
  return {
    pk: flow.pk,
    policybindingmodel_ptr_id: flow.pk,
    name: flow.name,
    slug: flow.slug,
    title: flow.title,
    designation: flow.designation as z.infer<typeof FlowDesignationEnum>,
    background: flowBackground(flow),
    stages: stagePks,
    policies: [],
    cache_count: 0,
    policy_engine_mode: flow.policyEngineMode as z.infer<typeof PolicyEngineMode>,
    compatibility_mode: flow.compatibilityMode,
    export_url: `/api/v3/flows/instances/${flow.slug}/export/`,
    layout: flow.layout as z.infer<typeof FlowLayoutEnum>,
    denied_action: flow.deniedAction as z.infer<typeof DeniedActionEnum>,
    authentication: flow.authentication as z.infer<typeof AuthenticationEnum>,
  };
}
