import { z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { stages } from "../../db/schema.ts";
import { findUserByIdentifier } from "../../directory/users.ts";
import { FlowDesignationEnum } from "../../api/flows/flow-models.ts";
import { loginSources } from "../../sources/login-sources.ts";
import { RedirectChallenge } from "../builtin-challenges.ts";
import { challengeShape, fieldError, responseComponent } from "../challenge.ts";
import { flowLink } from "../flow-links.ts";
import { next, invalid, type StageContext, type StageKind } from "../stage.ts";
import { checkPassword } from "./password-check.ts";

const component = "ak-stage-identification";

export interface IdentificationConfig {
  user_fields: ("username" | "email" | "upn")[];
  /** When set, the password is asked on this stage and checked with that password stage's rules. */
  password_stage: string | null;
  case_insensitive_matching: boolean;
  /** Show the matched user's username and avatar on later stages; otherwise what the visitor typed. */
  show_matched_user: boolean;
  /** Flows linked below the form, by pk or slug. */
  enrollment_flow: string | null;
  recovery_flow: string | null;
  passwordless_flow: string | null;
  sources: string[];
  show_source_labels: boolean;
  /** Go on to the next stage even for unknown users, so the form does not reveal which accounts exist. */
  pretend_user_exists: boolean;
}

/** authentik's defaults for a new identification stage. */
export const identificationDefaults: IdentificationConfig & { captcha_stage: null } = {
  user_fields: ["email", "username"],
  password_stage: null,
  captcha_stage: null,
  case_insensitive_matching: true,
  show_matched_user: true,
  enrollment_flow: null,
  recovery_flow: null,
  passwordless_flow: null,
  sources: [],
  show_source_labels: false,
  pretend_user_exists: true,
};

const configOf = (ctx: StageContext) => ({ ...identificationDefaults, ...ctx.stage.config }) as IdentificationConfig;

const LoginChallengeTypes = z.discriminatedUnion("component", [RedirectChallenge]).openapi("LoginChallengeTypes");

const LoginSource = z
  .object({ name: z.string(), icon_url: z.string().nullable().optional(), challenge: LoginChallengeTypes })
  .openapi("LoginSource", { description: "Serializer for Login buttons of sources" });

const challengeSchema = z
  .object({
    ...challengeShape(component),
    user_fields: z.array(z.string()).nullable(),
    password_fields: z.boolean(),
    allow_show_password: z.boolean().optional(),
    flow_designation: FlowDesignationEnum,
    enroll_url: z.string().optional(),
    recovery_url: z.string().optional(),
    passwordless_url: z.string().optional(),
    primary_action: z.string(),
    sources: z.array(LoginSource).optional(),
    show_source_labels: z.boolean(),
  })
  .openapi("IdentificationChallenge", { description: "Identification challenges with all UI elements" });

const responseSchema = z
  .object({
    component: responseComponent(component),
    uid_field: z.string().min(1),
    password: z.string().nullable().optional(),
  })
  .openapi("IdentificationChallengeResponseRequest", { description: "Identification challenge" });

const labels: Record<string, string> = { username: "username", email: "email", upn: "UPN" };

export const identification: StageKind<typeof responseSchema> = {
  kind: "identification",

  async show(ctx) {
    const config = configOf(ctx);
    const passwordStage = await passwordStageOf(ctx.db, config);
    const [enroll_url, recovery_url, passwordless_url] = await Promise.all(
      [config.enrollment_flow, config.recovery_flow, config.passwordless_flow].map((ref) => flowLink(ctx.db, ref, ctx.query)),
    );
    return {
      component,
      user_fields: config.user_fields,
      password_fields: Boolean(passwordStage),
      allow_show_password: Boolean(passwordStage?.config.allow_show_password),
      flow_designation: ctx.flow.designation,
      ...(enroll_url && { enroll_url }),
      ...(recovery_url && { recovery_url }),
      ...(passwordless_url && { passwordless_url }),
      primary_action: ctx.flow.designation === "authentication" ? "Log in" : "Continue",
      sources: await loginSources(ctx.db, config.sources, ctx.query),
      show_source_labels: config.show_source_labels,
    };
  },

  interaction: {
    component,
    challengeSchema,
    responseSchema,

    async submit(ctx, response) {
      const config = configOf(ctx);
      const identifier = response.uid_field.trim();
      const user = await findUserByIdentifier(ctx.db, identifier, config.user_fields, { caseInsensitive: config.case_insensitive_matching });
      if (await passwordStageOf(ctx.db, config)) {
        const check = await checkPassword(ctx.db, user?.username ?? identifier, user, response.password ?? "");
        if (check !== "ok") return invalid({ password: check });
      } else if (!user && !config.pretend_user_exists) {
        const fields = config.user_fields.map((f) => labels[f] ?? f).join(" or ");
        return invalid({ uid_field: fieldError(`No account matches this ${fields}.`) });
      }
      ctx.plan.context.pending_user = user?.pk;
      ctx.plan.context.pending_user_identifier = user && config.show_matched_user ? undefined : identifier;
      return next;
    },
  },
};

async function passwordStageOf(db: Db, config: IdentificationConfig) {
  if (!config.password_stage) return undefined;
  const [row] = await db
    .select()
    .from(stages)
    .where(and(eq(stages.pk, config.password_stage), eq(stages.kind, "password")));
  return row;
}
