import { z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { flows, stages } from "../../db/schema.ts";
import { missingReferences } from "../../db/references.ts";
import { parseTimedelta } from "../../flows/timedelta.ts";
import type { FieldErrors } from "../validation.ts";
import { WebAuthnDeviceType } from "../authenticators/device-models.ts";
import { registerStageApi } from "./stage-routes.ts";

export const DeviceClassesEnum = z.enum(["static", "totp", "webauthn", "duo", "sms", "email"]).openapi("DeviceClassesEnum");
export const NotConfiguredActionEnum = z.enum(["skip", "deny", "configure"]).openapi("NotConfiguredActionEnum");
export const UserVerificationEnum = z.enum(["required", "preferred", "discouraged"]).openapi("UserVerificationEnum");
const DigitsEnum = z.enum(["6", "8"]).openapi("DigitsEnum");
// Inline rather than named: the field is nullable, and a nullable named enum would become nullable everywhere.
const authenticatorAttachment = z
  .enum(["platform", "cross-platform"])
  .nullable()
  .openapi({ enum: ["platform", "cross-platform"] });
const ResidentKeyRequirementEnum = z.enum(["discouraged", "preferred", "required"]).openapi("ResidentKeyRequirementEnum");

const configureFlowHelp = "Flow used by an authenticated user to configure this Stage. If empty, user will not be able to configure this stage.";
const configureFlow = z.uuid().nullable().openapi({ description: configureFlowHelp });
const friendlyName = z.string().nullable();
const uuids = z.array(z.uuid());

/** The settings every setup stage shares: its name in device lists and the flow a user runs to set one up. */
const setupFields = { configure_flow: configureFlow, friendly_name: friendlyName };
const setupRequestFields = { configure_flow: configureFlow, friendly_name: z.string().trim().min(1).nullable() };
const setupDefaults = { configure_flow: null, friendly_name: null };

async function checkConfigureFlow(db: Db, config: Record<string, unknown>): Promise<FieldErrors> {
  const flow = config.configure_flow as string | null | undefined;
  const missing = flow ? await missingReferences(db, flows.pk, [flow]) : undefined;
  return missing ? { configure_flow: missing } : {};
}

async function checkValidate(db: Db, config: Record<string, unknown>): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const missing = await missingReferences(db, stages.pk, (config.configuration_stages as string[]) ?? []);
  if (missing) errors.configuration_stages = missing;
  if (parseTimedelta(String(config.last_auth_threshold)) === undefined) {
    errors.last_auth_threshold = ["Enter a duration such as seconds=0 or hours=1;minutes=30."];
  }
  return errors;
}

const thresholdHelp = "If any of the user's device has been used within this threshold, this stage will be skipped";
const configurationStagesHelp =
  "Stages used to configure Authenticator when user doesn't have any compatible devices. After this configuration Stage passes, the user is not prompted again.";

/** The admin API of the authenticator stages: validation, and TOTP, static and WebAuthn setup. */
export function registerAuthenticatorStages(api: OpenAPIHono<AppEnv>) {
  registerStageApi(api, {
    kind: "authenticator_validate",
    path: "/stages/authenticator/validate/",
    model: "AuthenticatorValidateStage",
    fields: {
      not_configured_action: NotConfiguredActionEnum.optional(),
      device_classes: z.array(DeviceClassesEnum).optional().openapi({ description: "Device classes which can be used to authenticate" }),
      configuration_stages: uuids.optional().openapi({ description: configurationStagesHelp }),
      last_auth_threshold: z.string().optional().openapi({ description: thresholdHelp }),
      webauthn_user_verification: UserVerificationEnum.optional().openapi({ description: "Enforce user verification for WebAuthn devices." }),
      webauthn_allowed_device_types: uuids.optional(),
      webauthn_allowed_device_types_obj: z.array(WebAuthnDeviceType).openapi({ readOnly: true }),
    },
    requestFields: {
      not_configured_action: NotConfiguredActionEnum,
      device_classes: z.array(DeviceClassesEnum),
      configuration_stages: uuids,
      last_auth_threshold: z.string().min(1).openapi({ description: thresholdHelp }),
      webauthn_user_verification: UserVerificationEnum,
      webauthn_allowed_device_types: uuids,
    },
    defaults: {
      not_configured_action: "skip",
      device_classes: ["static", "totp", "webauthn"],
      configuration_stages: [],
      last_auth_threshold: "seconds=0",
      webauthn_user_verification: "preferred",
      webauthn_allowed_device_types: [],
    },
    computed: { webauthn_allowed_device_types_obj: [] },
    check: checkValidate,
  });

  registerStageApi(api, {
    kind: "authenticator_totp",
    path: "/stages/authenticator/totp/",
    model: "AuthenticatorTOTPStage",
    fields: { ...setupFields, digits: DigitsEnum },
    requestFields: { ...setupRequestFields, digits: DigitsEnum },
    required: ["digits"],
    defaults: { ...setupDefaults, digits: "6" },
    check: checkConfigureFlow,
  });

  registerStageApi(api, {
    kind: "authenticator_static",
    path: "/stages/authenticator/static/",
    model: "AuthenticatorStaticStage",
    fields: { ...setupFields, token_count: z.number().int().optional(), token_length: z.number().int().optional() },
    requestFields: { ...setupRequestFields, token_count: z.number().int().min(1).max(100), token_length: z.number().int().min(8).max(16) },
    defaults: { ...setupDefaults, token_count: 6, token_length: 12 },
    check: checkConfigureFlow,
  });

  registerStageApi(api, {
    kind: "authenticator_webauthn",
    path: "/stages/authenticator/webauthn/",
    model: "AuthenticatorWebAuthnStage",
    fields: {
      ...setupFields,
      user_verification: UserVerificationEnum.optional(),
      authenticator_attachment: authenticatorAttachment.optional(),
      resident_key_requirement: ResidentKeyRequirementEnum.optional(),
      device_type_restrictions: uuids.optional(),
      device_type_restrictions_obj: z.array(WebAuthnDeviceType).openapi({ readOnly: true }),
    },
    requestFields: {
      ...setupRequestFields,
      user_verification: UserVerificationEnum,
      authenticator_attachment: authenticatorAttachment,
      resident_key_requirement: ResidentKeyRequirementEnum,
      device_type_restrictions: uuids,
    },
    defaults: {
      ...setupDefaults,
      user_verification: "preferred",
      authenticator_attachment: null,
      resident_key_requirement: "preferred",
      device_type_restrictions: [],
    },
    computed: { device_type_restrictions_obj: [] },
    check: checkConfigureFlow,
  });
}
