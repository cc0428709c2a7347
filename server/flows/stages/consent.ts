import { randomBytes } from "node:crypto";
import { z } from "@hono/zod-openapi";
import { challengeShape, fieldError, responseComponent } from "../challenge.ts";
import type { ConsentPermission } from "../consent/consent-context.ts";
import { currentConsent, rememberConsent } from "../consent/user-consents.ts";
import { pendingUserFields } from "../pending-user.ts";
import { deny, invalid, next, type StageKind } from "../stage.ts";
import { parseTimedelta } from "../timedelta.ts";
import { stageUser } from "./authenticator-user.ts";

const component = "ak-stage-consent";

export interface ConsentConfig {
  mode?: "always_require" | "permanent" | "expiring";
  /** How long an `expiring` consent lasts, e.g. `weeks=4`. */
  consent_expire_in?: string;
}

export const defaultConsentExpiry = "weeks=4";

const ConsentPermissionSchema = z
  .object({ name: z.string(), id: z.string() })
  .openapi("ConsentPermission", { description: "Permission used for consent" });

const challengeSchema = z
  .object({
    ...challengeShape(component),
    pending_user: z.string(),
    pending_user_avatar: z.string(),
    header_text: z.string().optional(),
    permissions: z.array(ConsentPermissionSchema),
    additional_permissions: z.array(ConsentPermissionSchema),
    token: z.string(),
  })
  .openapi("ConsentChallenge", { description: "Challenge info for consent screens" });

const responseSchema = z
  .object({ component: responseComponent(component), token: z.string().min(1) })
  .openapi("ConsentChallengeResponseRequest", { description: "Consent challenge response, any valid response request is valid" });

const permissionIds = (permissions: ConsentPermission[]) => permissions.map((p) => p.id);

/**
 * Asks the user to consent to the application the flow signs them into. A `permanent` or `expiring`
 * consent is remembered per user and application, and not asked again while it covers every
 * permission asked for; without an application in the flow there is nothing to remember it by.
 */
export const consent: StageKind<typeof responseSchema> = {
  kind: "consent",

  async show(ctx) {
    const config = ctx.stage.config as ConsentConfig;
    const user = await stageUser(ctx);
    if (!user) return deny("Sign in before giving consent.");
    const { context } = ctx.plan;
    const requested = context.consent_permissions ?? [];
    let permissions = requested;
    let additional: ConsentPermission[] = [];
    if ((config.mode ?? "always_require") !== "always_require" && context.application) {
      const remembered = await currentConsent(ctx.db, user.pk, context.application);
      if (remembered) {
        const allowed = new Set(remembered.permissions.split(" ").filter(Boolean));
        if (requested.every((p) => allowed.has(p.id))) return next;
        permissions = requested.filter((p) => allowed.has(p.id));
        additional = requested.filter((p) => !allowed.has(p.id));
      }
    }
    context.consent_token ??= randomBytes(16).toString("base64url");
    return {
      component,
      ...pendingUserFields(user, context),
      header_text: context.consent_header ?? "",
      permissions,
      additional_permissions: additional,
      token: context.consent_token,
    };
  },

  interaction: {
    component,
    challengeSchema,
    responseSchema,

    async submit(ctx, response) {
      const config = ctx.stage.config as ConsentConfig;
      const { context } = ctx.plan;
      if (!context.consent_token || response.token !== context.consent_token) {
        return invalid({ non_field_errors: fieldError("This consent request is no longer valid. Review it and confirm again.", "invalid_token") });
      }
      delete context.consent_token;
      const mode = config.mode ?? "always_require";
      const user = await stageUser(ctx);
      if (mode !== "always_require" && context.application && user) {
        const lifetime = mode === "expiring" ? (parseTimedelta(config.consent_expire_in ?? defaultConsentExpiry) ?? 0) : undefined;
        await rememberConsent(ctx.db, {
          user: user.pk,
          application: context.application,
          permissions: permissionIds(context.consent_permissions ?? []),
          expires: lifetime === undefined ? null : new Date(Date.now() + lifetime),
        });
      }
      return next;
    },
  },
};
