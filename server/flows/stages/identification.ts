import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { stages } from "../../db/schema.ts";
import { findUserByIdentifier } from "../../directory/users.ts";
import { FlowDesignationEnum } from "../../api/flows/flow-models.ts";
import { challengeShape, fieldError, responseComponent } from "../challenge.ts";
import { next, invalid, type StageKind } from "../stage.ts";
import { checkPassword } from "./password-check.ts";

const component = "ak-stage-identification";

export interface IdentificationConfig {
  user_fields: ("username" | "email")[];
  /** When set, the password is asked on this stage and checked with that password stage's rules. */
  password_stage?: string | null;
  case_insensitive_matching?: boolean;
  /** Go on to the next stage even for unknown users, so the form does not reveal which accounts exist. */
  pretend_user_exists?: boolean;
}

const challengeSchema = z
  .object({
    ...challengeShape(component),
    user_fields: z.array(z.string()).nullable(),
    password_fields: z.boolean(),
    allow_show_password: z.boolean().optional(),
    flow_designation: FlowDesignationEnum,
    enroll_url: z.string().optional(),
    recovery_url: z.string().optional(),
    primary_action: z.string(),
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

const labels: Record<string, string> = { username: "Username", email: "Email" };

export const identification: StageKind<typeof responseSchema> = {
  kind: "identification",

  async show({ db, stage, flow }) {
    const config = stage.config as unknown as IdentificationConfig;
    const passwordStage = await passwordStageOf(db, config);
    return {
      component,
      user_fields: config.user_fields,
      password_fields: Boolean(passwordStage),
      allow_show_password: Boolean(passwordStage?.config.allow_show_password),
      flow_designation: flow.designation,
      primary_action: flow.designation === "enrollment" ? "Continue" : "Log in",
      show_source_labels: false,
    };
  },

  interaction: {
    component,
    challengeSchema,
    responseSchema,

    async submit({ db, stage, plan }, response) {
      const config = stage.config as unknown as IdentificationConfig;
      const identifier = response.uid_field.trim();
      const user = await findUserByIdentifier(db, identifier, config.user_fields);
      const passwordStage = await passwordStageOf(db, config);
      if (passwordStage) {
        const check = await checkPassword(db, identifier, user, response.password ?? "");
        if (check !== "ok") return invalid({ password: check });
      } else if (!user && !config.pretend_user_exists) {
        const fields = config.user_fields.map((f) => labels[f] ?? f).join(" or ");
        return invalid({ uid_field: fieldError(`No account matches this ${fields.toLowerCase()}.`) });
      }
      plan.context.pending_user_identifier = identifier;
      plan.context.pending_user = user?.pk;
      return next;
    },
  },
};

async function passwordStageOf(db: Db, config: IdentificationConfig) {
  if (!config.password_stage) return undefined;
  const [row] = await db.select().from(stages).where(eq(stages.pk, config.password_stage));
  return row;
}
