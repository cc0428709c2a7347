import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema.ts";
import { sendMail, type SmtpSettings } from "../../email/mailer.ts";
import { isEmailTemplate, renderEmail } from "../../email/templates.ts";
import { challengeShape, fieldError, responseComponent } from "../challenge.ts";
import { createFlowToken, flowTokenParam } from "../flow-token.ts";
import { pendingUser } from "../pending-user.ts";
import { deny, invalid, next, type StageContext, type StageKind } from "../stage.ts";
import { parseTimedelta } from "../timedelta.ts";
import { siteName } from "./authenticator-user.ts";

const component = "ak-stage-email";

export interface EmailConfig {
  use_global_settings?: boolean;
  host?: string;
  port?: number;
  username?: string;
  password?: string;
  use_tls?: boolean;
  use_ssl?: boolean;
  timeout?: number;
  from_address?: string;
  token_expiry?: string;
  subject?: string;
  template?: string;
  activate_user_on_success?: boolean;
}

declare module "../plan.ts" {
  interface PlanContext {
    /** When this flow last sent its email (ms since the epoch), to space out resends. */
    email_sent_at?: number;
  }
}

export const defaultTokenExpiry = "minutes=30";
/** How long a visitor waits before asking for the email again. */
export const resendCooldownMs = 30_000;

const challengeSchema = z.object({ ...challengeShape(component) }).openapi("EmailChallenge", { description: "Email challenge" });

const responseSchema = z.object({ component: responseComponent(component) }).openapi("EmailChallengeResponseRequest", {
  description: "Email challenge response. No fields: every response sends the email again.",
});

function stageSmtp(config: EmailConfig): SmtpSettings | undefined {
  if (config.use_global_settings !== false || !config.host) return undefined;
  return { host: config.host, port: config.port ?? 25, user: config.username || undefined, password: config.password, from: config.from_address };
}

/** The link in the mail: this flow's page with its query, plus the token that resumes it. */
function linkUrl(ctx: StageContext, key: string): string {
  const query = new URLSearchParams(ctx.query);
  query.set(flowTokenParam, key);
  return `${ctx.origin}/if/flow/${encodeURIComponent(ctx.flow.slug)}/?${query}`;
}

/**
 * Mails the flow's user a link that resumes the flow, in this browser or another. Nothing is sent
 * when no such user (or no address) is known, and the page looks the same, so it reveals nothing.
 */
async function sendLink(ctx: StageContext): Promise<boolean> {
  const config = ctx.stage.config as EmailConfig;
  const user = await pendingUser(ctx.db, ctx.plan.context);
  ctx.plan.context.email_sent_at = Date.now();
  if (!user?.email) return true;
  const lifetimeMs = parseTimedelta(config.token_expiry ?? defaultTokenExpiry) ?? 30 * 60_000;
  const { key } = await createFlowToken(ctx.db, ctx.flow, ctx.plan, user.pk, lifetimeMs);
  const template = config.template && isEmailTemplate(config.template) ? config.template : "email/password_reset.html";
  const site = await siteName(ctx);
  const body = renderEmail(template, {
    name: user.name || user.username,
    url: linkUrl(ctx, key),
    expiresInMinutes: Math.max(1, Math.round(lifetimeMs / 60_000)),
    site,
  });
  try {
    await sendMail(ctx.db, { to: user.email, from: config.from_address, subject: config.subject || site, ...body }, stageSmtp(config));
    return true;
  } catch (error) {
    // Without a mail sent, asking again right away is allowed.
    delete ctx.plan.context.email_sent_at;
    console.error(`email stage "${ctx.stage.name}" could not send mail:`, error);
    return false;
  }
}

const sendFailure = { non_field_errors: fieldError("The email could not be sent. Try again later, or contact your administrator.", "send_failed") };

/** Sends a link by email and waits until the flow is resumed from it. */
export const email: StageKind<typeof responseSchema> = {
  kind: "email",

  async show(ctx) {
    const restored = ctx.plan.context.is_restored;
    if (restored) {
      delete ctx.plan.context.is_restored;
      if (restored.user !== (ctx.plan.context.pending_user ?? null)) return deny("This link belongs to another account.");
      if ((ctx.stage.config as EmailConfig).activate_user_on_success && restored.user !== null) {
        await ctx.db.update(users).set({ isActive: true }).where(eq(users.pk, restored.user));
      }
      return next;
    }
    if (ctx.plan.context.email_sent_at === undefined && !(await sendLink(ctx))) {
      return { component, response_errors: sendFailure };
    }
    return { component };
  },

  interaction: {
    component,
    challengeSchema,
    responseSchema,

    // authentik answers every response by sending the mail again.
    async submit(ctx) {
      const waitMs = (ctx.plan.context.email_sent_at ?? 0) + resendCooldownMs - Date.now();
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        return invalid({ non_field_errors: fieldError(`Wait ${seconds} second${seconds === 1 ? "" : "s"} before asking for another email.`, "throttled") });
      }
      return invalid((await sendLink(ctx)) ? {} : sendFailure);
    },
  },
};
