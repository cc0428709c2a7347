import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq, ilike, ne, or, sql } from "drizzle-orm";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { flows, sources } from "../../db/schema.ts";
import { missingReferences } from "../../db/references.ts";
import { discoverEndpoints, type DiscoveredEndpoints } from "../../sources/oauth/discovery.ts";
import { oauthDefaults } from "../../sources/oauth/settings.ts";
import { escapeLike, orderingFrom, pageQuery, queryBoolean, requireSuperuser } from "../common.ts";
import { ChangeRefused, type FieldErrors } from "../validation.ts";
import { registerViewSet } from "../viewset.ts";
import {
  OAuthSource,
  OAuthSourceRequest,
  PatchedOAuthSourceRequest,
  ProviderTypeEnum,
  oauthFields,
  serializeOAuthSource,
  type OAuthSourceInput,
} from "./oauth-source-models.ts";
import { UserMatchingModeEnum, slugHelp, type SourceRow } from "./source-models.ts";
import { forgetSourceInStages } from "./stage-references.ts";

const query = z.object({
  ...pageQuery,
  name: z.string().optional(),
  slug: z.string().optional(),
  enabled: queryBoolean(),
  pbm_uuid: z.uuid().optional(),
  provider_type: ProviderTypeEnum.optional().openapi({ type: "string" }),
  user_matching_mode: UserMatchingModeEnum.optional().openapi({ description: "How the source determines if an existing user should be authenticated or a new user enrolled." }),
});

const settingsOf = (body: OAuthSourceInput) =>
  Object.fromEntries(oauthFields.flatMap((field) => (body[field] === undefined ? [] : [[field, body[field]]])));

/**
 * Fills the endpoint URLs this request leaves empty from the provider's discovery document, as
 * authentik does on every save that names a well-known URL.
 */
async function discover<B extends OAuthSourceInput>(body: B): Promise<B> {
  if (!body.oidc_well_known_url) return body;
  let found: DiscoveredEndpoints;
  try {
    found = await discoverEndpoints(body.oidc_well_known_url);
  } catch (error) {
    throw new ChangeRefused({ oidc_well_known_url: [(error as Error).message] });
  }
  const completed = { ...body };
  for (const [field, value] of Object.entries(found) as [keyof DiscoveredEndpoints, string][]) {
    if (!completed[field]) completed[field] = value;
  }
  return completed;
}

async function check(db: Db, body: OAuthSourceInput, existing?: SourceRow): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (body.slug) {
    const [clash] = await db
      .select({ pk: sources.pk })
      .from(sources)
      .where(and(eq(sources.slug, body.slug), existing ? ne(sources.pk, existing.pk) : undefined));
    if (clash) errors.slug = ["Source with this slug already exists."];
  }
  for (const field of ["authentication_flow", "enrollment_flow"] as const) {
    const missing = body[field] ? await missingReferences(db, flows.pk, [body[field]]) : undefined;
    if (missing) errors[field] = missing;
  }
  // OpenID Connect sources have no URLs of their own: the admin's, or discovery's, must be there.
  const settings = { ...oauthDefaults, ...existing?.config, ...settingsOf(body) } as Record<string, unknown>;
  const unset = ["authorization_url", "access_token_url", "profile_url"].filter((url) => !settings[url]);
  if (unset.length) errors.non_field_errors = unset.map((url) => `${url} is required for provider OpenID Connect`);
  return errors;
}

const columnsOf = (body: OAuthSourceInput) => ({
  name: body.name,
  slug: body.slug,
  enabled: body.enabled,
  authenticationFlow: body.authentication_flow,
  enrollmentFlow: body.enrollment_flow,
  policyEngineMode: body.policy_engine_mode,
  userMatchingMode: body.user_matching_mode,
  groupMatchingMode: body.group_matching_mode,
  userPathTemplate: body.user_path_template,
});

/** The admin API of OAuth (OpenID Connect) sources, as authentik's `/sources/oauth/` serves it, by slug. */
export function registerOAuthSources(api: OpenAPIHono<AppEnv>) {
  registerViewSet(api, {
    tag: "sources",
    description: "Source Viewset",
    middleware: requireSuperuser,
    path: "/sources/oauth/",
    params: z.object({ slug: z.string().openapi({ description: slugHelp }) }),
    lookup: sources.slug,
    Model: OAuthSource,
    Request: OAuthSourceRequest,
    PatchedRequest: PatchedOAuthSourceRequest,
    query,
    listName: "PaginatedOAuthSourceList",
    table: sources,
    modelName: "OAuthSource",
    audit: { app: "authentik_sources_oauth", model_name: "oauthsource", describe: (source) => ({ pk: source.pk, name: source.name }) },
    scope: eq(sources.kind, "oauth"),
    filter: (_db, q) =>
      and(
        q.name === undefined ? undefined : eq(sources.name, q.name),
        q.slug === undefined ? undefined : eq(sources.slug, q.slug),
        q.enabled === undefined ? undefined : eq(sources.enabled, q.enabled === "true"),
        q.pbm_uuid === undefined ? undefined : eq(sources.pk, q.pbm_uuid),
        q.provider_type === undefined ? undefined : sql`${sources.config}->>'provider_type' = ${q.provider_type}`,
        q.user_matching_mode === undefined ? undefined : eq(sources.userMatchingMode, q.user_matching_mode),
        q.search ? or(ilike(sources.name, `%${escapeLike(q.search)}%`), ilike(sources.slug, `%${escapeLike(q.search)}%`)) : undefined,
      ),
    orderBy: (ordering) => orderingFrom(ordering, { name: sources.name, slug: sources.slug }, sources.name, sources.pk),
    serialize: async (_db, rows, c) => rows.map((row) => serializeOAuthSource(row, c)),
    prepare: discover,
    check,
    insert: (body) => ({ ...columnsOf(body), name: body.name, slug: body.slug, kind: "oauth", config: { ...oauthDefaults, ...settingsOf(body) } }),
    update: (body, existing) => ({ ...columnsOf(body), config: { ...oauthDefaults, ...existing.config, ...settingsOf(body) } }),
    beforeDelete: forgetSourceInStages,
  });
}
