import { z } from "@hono/zod-openapi";
import { challengeShape, responseComponent } from "../challenge.ts";
import { next, type StageKind } from "../stage.ts";

const component = "ak-stage-dummy";

export interface DummyConfig {
  /** Fail as a broken stage would, to test how a flow copes. */
  throw_error?: boolean;
}

const challengeSchema = z.object({ ...challengeShape(component), name: z.string() }).openapi("DummyChallenge", { description: "Dummy challenge" });

const responseSchema = z
  .object({ component: responseComponent(component) })
  .openapi("DummyChallengeResponseRequest", { description: "Dummy challenge response" });

/** A stage that only asks to continue: for building and testing flows. */
export const dummy: StageKind<typeof responseSchema> = {
  kind: "dummy",

  async show(ctx) {
    if ((ctx.stage.config as DummyConfig).throw_error) throw new Error(`Dummy stage "${ctx.stage.name}" was set to fail.`);
    return { component, name: ctx.stage.name };
  },

  interaction: {
    component,
    challengeSchema,
    responseSchema,
    submit: async () => next,
  },
};
