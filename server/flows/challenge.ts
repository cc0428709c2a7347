import { z } from "@hono/zod-openapi";

export const ErrorDetail = z
  .object({ string: z.string(), code: z.string() })
  .openapi("ErrorDetail", { description: "Serializer for rest_framework's error messages" });

export const ContextualFlowInfoLayoutEnum = z
  .enum(["stacked", "content_left", "content_right", "sidebar_left", "sidebar_right"])
  .openapi("ContextualFlowInfoLayoutEnum");

export const ContextualFlowInfo = z
  .object({
    title: z.string().optional(),
    background: z.string().optional(),
    cancel_url: z.string(),
    layout: ContextualFlowInfoLayoutEnum,
  })
  .openapi("ContextualFlowInfo", { description: "Contextual flow information for a challenge" });

export type FlowInfo = z.infer<typeof ContextualFlowInfo>;
export type ResponseErrors = Record<string, { string: string; code: string }[]>;

/**
 * The fields every challenge shares. `component` is a literal for the server's own typing and is
 * documented as authentik documents it: a string whose default names the component.
 */
export function challengeShape<C extends string>(component: C) {
  return {
    flow_info: ContextualFlowInfo.optional(),
    component: z.literal(component).openapi({ type: "string", default: component }),
    response_errors: z.record(z.string(), z.array(ErrorDetail)).optional(),
  };
}

/** The `component` field of a challenge response, documented as authentik documents it. */
export function responseComponent<C extends string>(component: C) {
  return z.literal(component).optional().openapi({ type: "string", minLength: 1, default: component });
}

export const fieldError = (message: string, code = "invalid"): { string: string; code: string }[] => [{ string: message, code }];
