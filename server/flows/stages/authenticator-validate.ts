import { asc, eq, inArray } from "drizzle-orm";
import { stages, webauthnDevices } from "../../db/schema.ts";
import { deviceClasses, devicesOf, type DeviceClass, type DeviceSummary } from "../../authenticators/devices.ts";
import { useStaticCode } from "../../authenticators/static-codes.ts";
import { useTotpCode } from "../../authenticators/totp.ts";
import { authenticationOptions, verifyAssertion, type UserVerification } from "../../authenticators/webauthn.ts";
import { clearFailures, lockedForSeconds, recordFailure } from "../../auth/throttle.ts";
import type { UserRow } from "../../directory/users.ts";
import { serializeStage } from "../../api/stages/stage-models.ts";
import { fieldError } from "../challenge.ts";
import { insertStage } from "../plan.ts";
import { parseTimedelta } from "../timedelta.ts";
import { deny, invalid, next, type Challenge, type Outcome, type StageContext, type StageKind } from "../stage.ts";
import { relyingPartyOf, stageUser, userFields } from "./authenticator-user.ts";
import {
  challengeSchema,
  component,
  responseSchema,
  type DeviceChallengeBody,
  type ValidationResponse,
} from "./authenticator-validate-schemas.ts";

export interface AuthenticatorValidateConfig {
  device_classes?: string[];
  not_configured_action?: "skip" | "deny" | "configure";
  configuration_stages?: string[];
  /** Skip the stage when a device was used this recently, e.g. `hours=12`; `seconds=0` never skips. */
  last_auth_threshold?: string;
  webauthn_user_verification?: UserVerification;
  webauthn_allowed_device_types?: string[];
}

declare module "../plan.ts" {
  interface PlanContext {
    /** The challenge of the WebAuthn assertion the validation stage asked for. */
    webauthn_validate_challenge?: string;
  }
}

/** Strongest first: the order the challenges are offered in. */
const offerOrder: DeviceClass[] = ["webauthn", "totp", "static"];

const configOf = (ctx: StageContext) => ctx.stage.config as AuthenticatorValidateConfig;
const classesOf = (config: AuthenticatorValidateConfig) =>
  deviceClasses.filter((c) => (config.device_classes ?? deviceClasses).includes(c));
/** A passkey that signs someone in on its own (no user identified before) must verify its user. */
const userVerificationOf = (config: AuthenticatorValidateConfig, user: UserRow | undefined): UserVerification =>
  user ? (config.webauthn_user_verification ?? "preferred") : "required";
const throttleKey = (user: UserRow) => `mfa:${user.pk}`;

/** Devices that can answer a challenge now: confirmed, and for recovery codes, with codes left. */
async function usableDevices(ctx: StageContext, user: UserRow): Promise<DeviceSummary[]> {
  const devices = await devicesOf(ctx.db, user.pk, classesOf(configOf(ctx)));
  return devices.filter((d) => d.confirmed && (d.deviceClass !== "static" || (d.remainingCodes ?? 0) > 0));
}

function usedWithin(devices: DeviceSummary[], threshold: string | undefined): boolean {
  const window = parseTimedelta(threshold ?? "seconds=0") ?? 0;
  return window > 0 && devices.some((d) => d.lastUsed && Date.now() - d.lastUsed.getTime() < window);
}

async function configurationStages(ctx: StageContext) {
  const pks = configOf(ctx).configuration_stages ?? [];
  if (!pks.length) return [];
  return ctx.db.select().from(stages).where(inArray(stages.pk, pks)).orderBy(asc(stages.name));
}

/** What happens to a user without a usable device: go on, refuse, or set one up. */
async function notConfigured(ctx: StageContext, user: UserRow): Promise<Challenge | Outcome> {
  const config = configOf(ctx);
  switch (config.not_configured_action ?? "skip") {
    case "skip":
      return next;
    case "deny":
      return deny("No two-factor authentication device of an accepted kind is set up for this account.");
    case "configure": {
      const choices = await configurationStages(ctx);
      if (!choices.length) return deny("No two-factor authentication device is set up, and none can be set up here.");
      if (choices.length === 1) {
        insertStage(ctx.plan, choices[0].pk);
        return next;
      }
      const configuration_stages = choices.map((s) => {
        const { pk, name, verbose_name, meta_model_name } = serializeStage(s);
        return { pk, name, verbose_name, meta_model_name };
      });
      return { component, ...userFields(user, ctx), device_challenges: [], configuration_stages };
    }
  }
}

async function webauthnChallenge(ctx: StageContext, user: UserRow | undefined): Promise<Record<string, unknown>> {
  const devices = user ? await ctx.db.select().from(webauthnDevices).where(eq(webauthnDevices.user, user.pk)) : [];
  const options = await authenticationOptions(await relyingPartyOf(ctx), devices, userVerificationOf(configOf(ctx), user));
  ctx.plan.context.webauthn_validate_challenge = options.challenge;
  return options as unknown as Record<string, unknown>;
}

/** One challenge per device class, as authentik offers them: any device of the class may answer it. */
async function deviceChallenges(ctx: StageContext, user: UserRow, devices: DeviceSummary[]): Promise<DeviceChallengeBody[]> {
  const challenges: DeviceChallengeBody[] = [];
  for (const deviceClass of offerOrder) {
    const ofClass = devices.filter((d) => d.deviceClass === deviceClass);
    if (!ofClass.length) continue;
    const lastUsed = ofClass.map((d) => d.lastUsed).filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
    challenges.push({
      device_class: deviceClass,
      device_uid: String(ofClass[0].pk),
      challenge: deviceClass === "webauthn" ? await webauthnChallenge(ctx, user) : {},
      last_used: lastUsed?.toISOString() ?? null,
    });
  }
  return challenges;
}

async function checkCode(ctx: StageContext, user: UserRow, response: ValidationResponse): Promise<Outcome> {
  const locked = await lockedForSeconds(ctx.db, throttleKey(user));
  if (locked > 0) {
    const minutes = Math.ceil(locked / 60);
    return invalid({ code: fieldError(`Too many wrong codes. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, "throttled") });
  }
  const allowed = classesOf(configOf(ctx));
  const chosen = response.selected_challenge?.device_class;
  const may = (c: DeviceClass) => allowed.includes(c) && (!chosen || chosen === c);
  const code = response.code!.replace(/\s+/g, "");
  const used = (may("totp") && (await useTotpCode(ctx.db, user.pk, code))) || (may("static") && (await useStaticCode(ctx.db, user.pk, code)));
  if (!used) {
    await recordFailure(ctx.db, throttleKey(user));
    const what = chosen === "static" ? "recovery code is not valid, or has been used already" : "code is not valid";
    return invalid({ code: fieldError(`This ${what}. Check it and try again.`) });
  }
  await clearFailures(ctx.db, throttleKey(user));
  return next;
}

async function checkAssertion(ctx: StageContext, user: UserRow | undefined, assertion: Record<string, unknown>): Promise<Outcome> {
  const config = configOf(ctx);
  const challenge = ctx.plan.context.webauthn_validate_challenge;
  if (!classesOf(config).includes("webauthn") || !challenge) {
    return invalid({ webauthn: fieldError("Security keys cannot be used here.") });
  }
  try {
    const device = await verifyAssertion(ctx.db, await relyingPartyOf(ctx), user?.pk, challenge, assertion, userVerificationOf(config, user));
    // Without an identified user this was a passkey sign-in: the credential says who it is.
    if (!user) ctx.plan.context.pending_user = device.user;
  } catch (error) {
    return invalid({ webauthn: fieldError(`The security key was not accepted: ${error instanceof Error ? error.message : String(error)}`) });
  }
  delete ctx.plan.context.webauthn_validate_challenge;
  return next;
}

async function chooseStage(ctx: StageContext, pk: string): Promise<Outcome> {
  const config = configOf(ctx);
  const offered = config.not_configured_action === "configure" && (config.configuration_stages ?? []).includes(pk);
  if (!offered) return invalid({ selected_stage: fieldError("Choose one of the offered ways to set up a device.") });
  insertStage(ctx.plan, pk);
  return next;
}

/**
 * Asks for a second factor: a code from an authenticator app or a recovery code, or a WebAuthn
 * assertion. Without a pending user it offers a passkey sign-in (any discoverable credential).
 */
export const authenticatorValidate: StageKind<typeof responseSchema> = {
  kind: "authenticator_validate",

  async show(ctx) {
    const config = configOf(ctx);
    const user = await stageUser(ctx);
    if (!user) {
      if (!classesOf(config).includes("webauthn")) return deny("No user was identified in this flow.");
      const challenge = await webauthnChallenge(ctx, undefined);
      return {
        component,
        ...userFields(undefined, ctx),
        device_challenges: [{ device_class: "webauthn", device_uid: "-1", challenge, last_used: null }],
        configuration_stages: [],
      };
    }
    const devices = await usableDevices(ctx, user);
    if (usedWithin(devices, config.last_auth_threshold)) return next;
    if (!devices.length) return notConfigured(ctx, user);
    return { component, ...userFields(user, ctx), device_challenges: await deviceChallenges(ctx, user, devices), configuration_stages: [] };
  },

  interaction: {
    component,
    challengeSchema,
    responseSchema,

    async submit(ctx, response) {
      const user = await stageUser(ctx);
      if (response.selected_stage) return chooseStage(ctx, response.selected_stage);
      if (response.webauthn) return checkAssertion(ctx, user, response.webauthn);
      if (response.code && user) return checkCode(ctx, user, response);
      // Choosing a device needs no answer from the server for the device classes implemented here.
      if (response.selected_challenge) return invalid({});
      return invalid({ non_field_errors: fieldError("Enter a code, or use your security key.") });
    },
  },
};
