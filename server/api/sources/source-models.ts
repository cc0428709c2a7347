import { z } from "@hono/zod-openapi";
import type { sources } from "../../db/schema.ts";
import { PolicyEngineMode } from "../core/applications.ts";

export type SourceRow = typeof sources.$inferSelect;

export const UserMatchingModeEnum = z
  .enum(["identifier", "email_link", "email_deny", "username_link", "username_deny"])
  .openapi("UserMatchingModeEnum");
export const GroupMatchingModeEnum = z.enum(["identifier", "name_link", "name_deny"]).openapi("GroupMatchingModeEnum");

export const slugPattern = /^[-a-zA-Z0-9_]+$/;
export const slugHelp = "Internal source name, used in URLs.";
export const userMatchingHelp = "How the source determines if an existing user should be authenticated or a new user enrolled.";
export const groupMatchingHelp = "How the source determines if an existing group should be used or a new group created.";
export const flowHelp = {
  authentication_flow: "Flow to use when authenticating existing users.",
  enrollment_flow: "Flow to use when enrolling new users.",
};

/** How authentik names each kind of source in its admin API. */
const kindNames: Record<string, { component: string; verbose: string; model: string }> = {
  oauth: { component: "ak-source-oauth-form", verbose: "OAuth Source", model: "authentik_sources_oauth.oauthsource" },
};

/** The fields every source shows, whatever its kind. */
export const sourceFields = {
  pk: z.uuid().openapi({ readOnly: true, title: "Pbm uuid" }),
  name: z.string().openapi({ description: "Source's display Name." }),
  slug: z.string().max(50).regex(slugPattern).openapi({ description: slugHelp }),
  enabled: z.boolean().optional(),
  authentication_flow: z.uuid().nullable().optional().openapi({ description: flowHelp.authentication_flow }),
  enrollment_flow: z.uuid().nullable().optional().openapi({ description: flowHelp.enrollment_flow }),
  user_property_mappings: z.array(z.uuid()).optional(),
  group_property_mappings: z.array(z.uuid()).optional(),
  component: z.string().openapi({ readOnly: true, description: "Get object component so that we know how to edit the object" }),
  verbose_name: z.string().openapi({ readOnly: true, description: "Return object's verbose_name" }),
  verbose_name_plural: z.string().openapi({ readOnly: true, description: "Return object's plural verbose_name" }),
  meta_model_name: z.string().openapi({ readOnly: true, description: "Return internal model name" }),
  policy_engine_mode: PolicyEngineMode.optional(),
  user_matching_mode: UserMatchingModeEnum.optional().openapi({ description: userMatchingHelp }),
  managed: z.string().nullable().openapi({ readOnly: true, title: "Managed by authentik" }),
  user_path_template: z.string().optional(),
  icon: z.string().nullable().openapi({ readOnly: true, description: "Get the URL to the Icon." }),
};

export const Source = z.object(sourceFields).openapi("Source", { description: "Source Serializer" });

export function serializeSource(source: SourceRow): z.infer<typeof Source> {
  const names = kindNames[source.kind] ?? { component: `ak-source-${source.kind}-form`, verbose: source.kind, model: source.kind };
  return {
    pk: source.pk,
    name: source.name,
    slug: source.slug,
    enabled: source.enabled,
    authentication_flow: source.authenticationFlow,
    enrollment_flow: source.enrollmentFlow,
    // The reference server has no property mappings: sources map the standard claims themselves.
    user_property_mappings: [],
    group_property_mappings: [],
    component: names.component,
    verbose_name: names.verbose,
    verbose_name_plural: `${names.verbose}s`,
    meta_model_name: names.model,
    policy_engine_mode: source.policyEngineMode as z.infer<typeof PolicyEngineMode>,
    user_matching_mode: source.userMatchingMode as z.infer<typeof UserMatchingModeEnum>,
    managed: null,
    user_path_template: source.userPathTemplate,
    icon: source.icon,
  };
}
