import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { flows, groups, prompts } from "../../db/schema.ts";
import { missingReferences } from "../../db/references.ts";
import { emailTemplates, isEmailTemplate } from "../../email/templates.ts";
import { parseTimedelta } from "../../flows/timedelta.ts";
import { requireSuperuser, responses } from "../common.ts";
import { UserTypeEnum } from "../core/user-models.ts";
import type { FieldErrors } from "../validation.ts";
import { registerStageApi } from "./stage-routes.ts";

const UserCreationModeEnum = z.enum(["never_create", "create_when_required", "always_create"]).openapi("UserCreationModeEnum");
const ConsentStageModeEnum = z.enum(["always_require", "permanent", "expiring"]).openapi("ConsentStageModeEnum");
const RedirectStageModeEnum = z.enum(["static", "flow"]).openapi("RedirectStageModeEnum");

const int32 = () => z.number().int().min(-2147483648).max(2147483647);
const durationError = ["Enter a duration such as minutes=30 or hours=1;minutes=30."];

async function missing(db: Db, column: Parameters<typeof missingReferences>[1], pk: unknown, field: string): Promise<FieldErrors> {
  const absent = typeof pk === "string" && pk ? await missingReferences(db, column, [pk]) : undefined;
  return absent ? { [field]: absent } : {};
}

const promptStageFields = {
  fields: z.array(z.uuid()),
};

const userWriteFields = {
  user_creation_mode: UserCreationModeEnum.optional(),
  create_users_as_inactive: z.boolean().optional().openapi({ description: "When set, newly created users are inactive and cannot login." }),
  create_users_group: z.uuid().nullable().optional().openapi({ description: "Optionally add newly created users to this group." }),
  user_type: UserTypeEnum.optional(),
  user_path_template: z.string().optional(),
};

const emailFields = {
  use_global_settings: z.boolean().optional().openapi({
    description: "When enabled, global Email connection settings will be used and connection settings below will be ignored.",
  }),
  host: z.string().optional(),
  port: int32().optional(),
  username: z.string().optional(),
  use_tls: z.boolean().optional(),
  use_ssl: z.boolean().optional(),
  timeout: int32().optional(),
  from_address: z.string().max(254).optional(),
  token_expiry: z.string().optional().openapi({ description: "Time the token sent is valid (Format: hours=3,minutes=17,seconds=300)." }),
  subject: z.string().optional(),
  template: z.string().optional(),
  activate_user_on_success: z.boolean().optional().openapi({ description: "Activate users upon completion of stage." }),
};

const emailRequestFields = {
  ...emailFields,
  host: z.string().min(1).optional(),
  password: z.string().optional().openapi({ writeOnly: true }),
  from_address: z.email().max(254).optional(),
  token_expiry: z.string().min(1).optional(),
  subject: z.string().min(1).optional(),
  template: z.string().min(1).optional(),
};

const invitationStageFields = {
  continue_flow_without_invitation: z.boolean().optional().openapi({
    description:
      "If this flag is set, this Stage will jump to the next Stage when no Invitation is given. By default this Stage will cancel the Flow when no invitation is given.",
  }),
};

const consentFields = {
  mode: ConsentStageModeEnum.optional(),
  consent_expire_in: z.string().optional().openapi({ description: "Offset after which consent expires. (Format: hours=1;minutes=2;seconds=3)." }),
};

const redirectFields = {
  keep_context: z.boolean().optional(),
  mode: RedirectStageModeEnum,
  target_static: z.string().optional(),
  target_flow: z.uuid().nullable().optional(),
};

const TypeCreate = z
  .object({ name: z.string(), description: z.string(), component: z.string(), model_name: z.string() })
  .openapi("TypeCreate", { description: "Types of an object that can be created" });

function checkDuration(config: Record<string, unknown>, field: string): FieldErrors {
  return parseTimedelta(String(config[field] ?? "")) === undefined ? { [field]: durationError } : {};
}

async function checkRedirect(db: Db, config: Record<string, unknown>): Promise<FieldErrors> {
  if (config.mode === "flow") {
    if (!config.target_flow) return { target_flow: ["Target flow must be set when using flow mode."] };
    return missing(db, flows.pk, config.target_flow, "target_flow");
  }
  return config.target_static ? {} : { target_static: ["Target URL must be set when using static mode."] };
}

/** The admin API of the stages of enrollment, recovery and consent flows, and of deny, redirect and dummy stages. */
export function registerEnrollmentStages(api: OpenAPIHono<AppEnv>) {
  registerStageApi(api, {
    kind: "prompt",
    path: "/stages/prompt/stages/",
    model: "PromptStage",
    fields: { ...promptStageFields, validation_policies: z.array(z.uuid()) },
    requestFields: promptStageFields,
    required: ["fields"],
    defaults: { fields: [] },
    // Validation policies need expression policies, which this server does not evaluate.
    computed: { validation_policies: [] },
    check: async (db, config): Promise<FieldErrors> => {
      const absent = await missingReferences(db, prompts.pk, (config.fields as string[]) ?? []);
      return absent ? { fields: absent } : {};
    },
  });

  registerStageApi(api, {
    kind: "user_write",
    path: "/stages/user_write/",
    model: "UserWriteStage",
    fields: userWriteFields,
    requestFields: userWriteFields,
    defaults: {
      user_creation_mode: "create_when_required",
      create_users_as_inactive: false,
      create_users_group: null,
      user_type: "external",
      user_path_template: "",
    },
    check: async (db, config) => ({
      ...(await missing(db, groups.pk, config.create_users_group, "create_users_group")),
      ...(config.user_type === "internal_service_account" ? { user_type: ["Internal service accounts are created by authentik, not by flows."] } : {}),
    }),
  });

  // Before the email stage routes, which would read "templates" as a stage's uuid.
  api.openapi(
    createRoute({
      method: "get",
      path: "/stages/email/templates/",
      operationId: "stages_email_templates_list",
      tags: ["stages"],
      description: "Get all available templates, including custom templates",
      middleware: requireSuperuser,
      responses: responses(z.array(TypeCreate)),
    }),
    (c) =>
      c.json(
        Object.entries(emailTemplates).map(([name, { description }]) => ({ name, description, component: "", model_name: "" })),
        200,
      ),
  );

  registerStageApi(api, {
    kind: "email",
    path: "/stages/email/",
    model: "EmailStage",
    fields: emailFields,
    requestFields: emailRequestFields,
    writeOnly: ["password"],
    defaults: {
      use_global_settings: true,
      host: "",
      port: 25,
      username: "",
      use_tls: false,
      use_ssl: false,
      timeout: 10,
      from_address: "",
      token_expiry: "minutes=30",
      subject: "authentik",
      template: "email/password_reset.html",
      activate_user_on_success: false,
    },
    check: async (_db, config) => ({
      ...checkDuration(config, "token_expiry"),
      ...(isEmailTemplate(String(config.template)) ? {} : { template: [`"${String(config.template)}" is not a valid choice.`] }),
    }),
  });

  registerStageApi(api, {
    kind: "invitation",
    path: "/stages/invitation/stages/",
    model: "InvitationStage",
    fields: invitationStageFields,
    requestFields: invitationStageFields,
    defaults: { continue_flow_without_invitation: false },
  });

  registerStageApi(api, {
    kind: "consent",
    path: "/stages/consent/",
    model: "ConsentStage",
    fields: consentFields,
    requestFields: { ...consentFields, consent_expire_in: z.string().min(1).optional() },
    defaults: { mode: "always_require", consent_expire_in: "weeks=4" },
    check: async (_db, config) => checkDuration(config, "consent_expire_in"),
  });

  registerStageApi(api, {
    kind: "deny",
    path: "/stages/deny/",
    model: "DenyStage",
    fields: { deny_message: z.string().optional() },
    requestFields: { deny_message: z.string().optional() },
    defaults: { deny_message: "" },
  });

  registerStageApi(api, {
    kind: "redirect",
    path: "/stages/redirect/",
    model: "RedirectStage",
    fields: redirectFields,
    requestFields: redirectFields,
    required: ["mode"],
    defaults: { keep_context: true, target_static: "", target_flow: null },
    check: checkRedirect,
  });

  registerStageApi(api, {
    kind: "dummy",
    path: "/stages/dummy/",
    model: "DummyStage",
    fields: { throw_error: z.boolean().optional() },
    requestFields: { throw_error: z.boolean().optional() },
    defaults: { throw_error: false },
  });
}
