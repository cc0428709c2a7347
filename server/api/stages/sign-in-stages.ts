import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { flows, sources, stages } from "../../db/schema.ts";
import { missingReferences } from "../../db/references.ts";
import { identificationDefaults } from "../../flows/stages/identification.ts";
import { passwordDefaults } from "../../flows/stages/password.ts";
import { userLoginDefaults } from "../../flows/stages/user-login.ts";
import { parseTimedelta } from "../../flows/timedelta.ts";
import type { FieldErrors } from "../validation.ts";
import { registerStageApi } from "./stage-routes.ts";

export const UserFieldsEnum = z.enum(["email", "username", "upn"]).openapi("UserFieldsEnum");
const BackendsEnum = z
  .enum([
    "authentik.core.auth.InbuiltBackend",
    "authentik.core.auth.TokenBackend",
    "authentik.sources.ldap.auth.LDAPBackend",
    "authentik.sources.kerberos.auth.KerberosBackend",
  ])
  .openapi("BackendsEnum");
const NetworkBindingEnum = z.enum(["no_binding", "bind_asn", "bind_asn_network", "bind_asn_network_ip"]).openapi("NetworkBindingEnum");
const GeoipBindingEnum = z
  .enum(["no_binding", "bind_continent", "bind_continent_country", "bind_continent_country_city"])
  .openapi("GeoipBindingEnum");

const optionalUuid = (description: string) => z.uuid().nullable().optional().openapi({ description });
const durationHelp = "(Format: hours=-1;minutes=-2;seconds=-3)";
const sessionDurationHelp = `Determines how long a session lasts. Default of 0 means that the sessions lasts until the browser is closed. ${durationHelp}`;
const rememberMeHelp = `Offset the session will be extended by when the user picks the remember me option. Default of 0 means that the remember me option will not be shown. ${durationHelp}`;

const identificationFields = {
  user_fields: z.array(UserFieldsEnum).optional().openapi({ description: "Fields of the user object to match against. (Hold shift to select multiple options)" }),
  password_stage: optionalUuid("When set, shows a password field, instead of showing the password field as separate step."),
  captcha_stage: optionalUuid("When set, adds functionality exactly like a Captcha stage, but baked into the Identification stage."),
  case_insensitive_matching: z.boolean().optional().openapi({ description: "When enabled, user fields are matched regardless of their casing." }),
  show_matched_user: z.boolean().optional().openapi({
    description:
      "When a valid username/email has been entered, and this option is enabled, the user's username and avatar will be shown. Otherwise, the text that the user entered will be shown",
  }),
  enrollment_flow: optionalUuid("Optional enrollment flow, which is linked at the bottom of the page."),
  recovery_flow: optionalUuid("Optional recovery flow, which is linked at the bottom of the page."),
  passwordless_flow: optionalUuid("Optional passwordless flow, which is linked at the bottom of the page."),
  sources: z.array(z.uuid()).optional().openapi({ description: "Specify which sources should be shown." }),
  show_source_labels: z.boolean().optional(),
  pretend_user_exists: z.boolean().optional().openapi({ description: "When enabled, the stage will succeed and continue even when incorrect user info is entered." }),
};

const passwordFields = {
  backends: z.array(BackendsEnum).openapi({ description: "Selection of backends to test the password against." }),
  configure_flow: optionalUuid("Flow used by an authenticated user to configure this Stage. If empty, user will not be able to configure this stage."),
  failed_attempts_before_cancel: z
    .number()
    .int()
    .min(-2147483648)
    .max(2147483647)
    .optional()
    .openapi({ description: "How many attempts a user has before the flow is canceled. To lock the user out, use a reputation policy and a user_write stage." }),
  allow_show_password: z.boolean().optional().openapi({ description: "When enabled, provides a 'show password' button with the password input field." }),
};

const userLoginFields = {
  session_duration: z.string().optional().openapi({ description: sessionDurationHelp }),
  terminate_other_sessions: z.boolean().optional().openapi({ description: "Terminate all other sessions of the user logging in." }),
  remember_me_offset: z.string().optional().openapi({ description: rememberMeHelp }),
  network_binding: NetworkBindingEnum.optional().openapi({ description: "Bind sessions created by this stage to the configured network" }),
  geoip_binding: GeoipBindingEnum.optional().openapi({ description: "Bind sessions created by this stage to the configured GeoIP location" }),
};

/** The request form of a duration: not blank, and one the server can read. */
const duration = (description: string) => z.string().trim().min(1).openapi({ description });

async function checkFlows(db: Db, config: Record<string, unknown>, fields: string[]): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  for (const field of fields) {
    const pk = config[field] as string | null | undefined;
    const missing = pk ? await missingReferences(db, flows.pk, [pk]) : undefined;
    if (missing) errors[field] = missing;
  }
  return errors;
}

async function checkIdentification(db: Db, config: Record<string, unknown>): Promise<FieldErrors> {
  const errors = await checkFlows(db, config, ["enrollment_flow", "recovery_flow", "passwordless_flow"]);
  const passwordStage = config.password_stage as string | null | undefined;
  if (passwordStage) {
    const [row] = await db.select({ pk: stages.pk }).from(stages).where(and(eq(stages.pk, passwordStage), eq(stages.kind, "password")));
    if (!row) errors.password_stage = [`Invalid pk "${passwordStage}" - object does not exist.`];
  }
  if (config.captcha_stage) errors.captcha_stage = ["This server has no captcha stages."];
  const missingSources = await missingReferences(db, sources.pk, (config.sources as string[] | undefined) ?? []);
  if (missingSources) errors.sources = missingSources;
  return errors;
}

async function checkUserLogin(_db: Db, config: Record<string, unknown>): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  for (const field of ["session_duration", "remember_me_offset"]) {
    if (parseTimedelta(String(config[field])) === undefined) errors[field] = ["Enter a duration such as seconds=0 or hours=1;minutes=30."];
  }
  return errors;
}

/** The admin API of the stages a sign-in is made of: identification, password, user login and logout. */
export function registerSignInStages(api: OpenAPIHono<AppEnv>) {
  registerStageApi(api, {
    kind: "identification",
    path: "/stages/identification/",
    model: "IdentificationStage",
    fields: identificationFields,
    requestFields: identificationFields,
    defaults: { ...identificationDefaults },
    check: checkIdentification,
  });

  registerStageApi(api, {
    kind: "password",
    path: "/stages/password/",
    model: "PasswordStage",
    fields: passwordFields,
    requestFields: passwordFields,
    required: ["backends"],
    defaults: { ...passwordDefaults },
    check: (db, config) => checkFlows(db, config, ["configure_flow"]),
  });

  registerStageApi(api, {
    kind: "user_login",
    path: "/stages/user_login/",
    model: "UserLoginStage",
    fields: userLoginFields,
    requestFields: {
      ...userLoginFields,
      session_duration: duration(sessionDurationHelp),
      remember_me_offset: duration(rememberMeHelp),
    },
    defaults: { ...userLoginDefaults },
    check: checkUserLogin,
  });

  registerStageApi(api, { kind: "user_logout", path: "/stages/user_logout/", model: "UserLogoutStage", fields: {}, requestFields: {}, defaults: {} });
}
