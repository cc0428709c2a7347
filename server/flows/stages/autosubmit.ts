import { z } from "@hono/zod-openapi";
import { challengeShape, responseComponent } from "../challenge.ts";
import { next, type StageKind } from "../stage.ts";

const component = "ak-stage-autosubmit";

/**
 * authentik has no autosubmit stage model: providers (e.g. SAML's POST binding) add this step to a
 * plan. Here it is a stage kind without an admin API, configured in its row.
 */
export interface AutosubmitConfig {
  url: string;
  attrs?: Record<string, string>;
  title?: string;
}

const challengeSchema = z
  .object({ ...challengeShape(component), url: z.string(), attrs: z.record(z.string(), z.string()), title: z.string().optional() })
  .openapi("AutosubmitChallenge", { description: "Autosubmit challenge used to send and navigate a POST request" });

const responseSchema = z
  .object({ component: responseComponent(component) })
  .openapi("AutoSubmitChallengeResponseRequest", { description: "Pseudo class for autosubmit response" });

/** Sends the browser on with an HTML form POST of `attrs` to `url`. */
export const autosubmit: StageKind<typeof responseSchema> = {
  kind: "autosubmit",

  async show(ctx) {
    const config = ctx.stage.config as unknown as AutosubmitConfig;
    return { component, url: config.url, attrs: config.attrs ?? {}, ...(config.title ? { title: config.title } : {}) };
  },

  interaction: {
    component,
    challengeSchema,
    responseSchema,
    submit: async () => next,
  },
};
