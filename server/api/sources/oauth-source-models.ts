import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import { callbackPath, oauthSettings, openIdConnectType } from "../../sources/oauth/settings.ts";
import { PolicyEngineMode } from "../core/applications.ts";
import {
  GroupMatchingModeEnum,
  UserMatchingModeEnum,
  flowHelp,
  groupMatchingHelp,
  serializeSource,
  slugHelp,
  slugPattern,
  sourceFields,
  userMatchingHelp,
  type SourceRow,
} from "./source-models.ts";

/** The providers the reference server can sign in with; authentik's other types have fixed URLs and profiles of their own. */
export const ProviderTypeEnum = z.enum(["openidconnect"]).openapi("ProviderTypeEnum");

const urlHelp = {
  request_token_url: "URL used to request the initial token. This URL is only required for OAuth 1.",
  authorization_url: "URL the user is redirect to to conest the flow.",
  access_token_url: "URL used by authentik to retrieve tokens.",
  profile_url: "URL used by authentik to get user information.",
};

const SourceType = z
  .object({
    name: z.string(),
    verbose_name: z.string(),
    urls_customizable: z.boolean(),
    request_token_url: z.string().nullable().openapi({ readOnly: true }),
    authorization_url: z.string().nullable().openapi({ readOnly: true }),
    access_token_url: z.string().nullable().openapi({ readOnly: true }),
    profile_url: z.string().nullable().openapi({ readOnly: true }),
    oidc_well_known_url: z.string().nullable().openapi({ readOnly: true }),
    oidc_jwks_url: z.string().nullable().openapi({ readOnly: true }),
  })
  .openapi("SourceType", { description: "Serializer for SourceType" });

const shownUrl = (description: string) => z.string().max(255).nullable().optional().openapi({ description });

export const OAuthSource = z
  .object({
    ...sourceFields,
    group_matching_mode: GroupMatchingModeEnum.optional().openapi({ description: groupMatchingHelp }),
    provider_type: ProviderTypeEnum,
    request_token_url: shownUrl(urlHelp.request_token_url),
    authorization_url: shownUrl(urlHelp.authorization_url),
    access_token_url: shownUrl(urlHelp.access_token_url),
    profile_url: shownUrl(urlHelp.profile_url),
    consumer_key: z.string(),
    callback_url: z.string().openapi({ readOnly: true, description: "Get OAuth Callback URL" }),
    additional_scopes: z.string().optional(),
    type: SourceType.openapi({ readOnly: true }),
    oidc_well_known_url: z.string().optional(),
    oidc_jwks_url: z.string().optional(),
    oidc_jwks: z.unknown().optional(),
  })
  .openapi("OAuthSource", { description: "OAuth Source Serializer" });

const isHttpUrl = (value: string) => /^https?:\/\/[^\s/]/i.test(value);
/** A provider URL: absolute http(s), or nothing. */
const providerUrl = (max?: number) => {
  const text = max ? z.string().max(max) : z.string();
  return text.refine((value) => value === "" || isHttpUrl(value), { message: "Enter a valid URL." }).openapi({ format: "uri" });
};
const requestUrl = (description: string) => providerUrl(255).nullable().optional().openapi({ description });

const requestShape = {
  name: z.string().trim().min(1).openapi({ description: "Source's display Name." }),
  slug: z
    .string()
    .min(1)
    .max(50)
    .regex(slugPattern, { message: "Use only letters, numbers, hyphens and underscores." })
    .openapi({ description: slugHelp }),
  enabled: z.boolean().optional(),
  authentication_flow: z.uuid().nullable().optional().openapi({ description: flowHelp.authentication_flow }),
  enrollment_flow: z.uuid().nullable().optional().openapi({ description: flowHelp.enrollment_flow }),
  policy_engine_mode: PolicyEngineMode.optional(),
  user_matching_mode: UserMatchingModeEnum.optional().openapi({ description: userMatchingHelp }),
  user_path_template: z.string().min(1).optional(),
  group_matching_mode: GroupMatchingModeEnum.optional().openapi({ description: groupMatchingHelp }),
  provider_type: ProviderTypeEnum,
  request_token_url: requestUrl(urlHelp.request_token_url),
  authorization_url: requestUrl(urlHelp.authorization_url),
  access_token_url: requestUrl(urlHelp.access_token_url),
  profile_url: requestUrl(urlHelp.profile_url),
  consumer_key: z.string().min(1),
  consumer_secret: z.string().min(1).openapi({ writeOnly: true }),
  additional_scopes: z.string().optional(),
  oidc_well_known_url: providerUrl().optional(),
  oidc_jwks_url: providerUrl().optional(),
  oidc_jwks: z.unknown().optional(),
};

export const OAuthSourceRequest = z.object(requestShape).openapi("OAuthSourceRequest", { description: "OAuth Source Serializer" });
export const PatchedOAuthSourceRequest = z
  .object(requestShape)
  .partial()
  .openapi("PatchedOAuthSourceRequest", { description: "OAuth Source Serializer" });
export type OAuthSourceInput = z.infer<typeof PatchedOAuthSourceRequest>;

/** The settings of a request that are kept in the source's `config`. */
export const oauthFields = [
  "provider_type",
  "request_token_url",
  "authorization_url",
  "access_token_url",
  "profile_url",
  "consumer_key",
  "consumer_secret",
  "additional_scopes",
  "oidc_well_known_url",
  "oidc_jwks_url",
  "oidc_jwks",
] as const;

/** The source as the API shows it: never its secret; its callback URL as the browser reaches this server. */
export function serializeOAuthSource(source: SourceRow, c: Context<AppEnv>): z.infer<typeof OAuthSource> {
  const { consumer_secret: _secret, ...settings } = oauthSettings(source);
  return {
    ...serializeSource(source),
    ...settings,
    group_matching_mode: source.groupMatchingMode as z.infer<typeof GroupMatchingModeEnum>,
    callback_url: `${new URL(c.req.url).origin}${callbackPath(source.slug)}`,
    type: openIdConnectType,
  };
}
