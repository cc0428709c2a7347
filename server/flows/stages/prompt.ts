import { invalid, next, type StageKind } from "../stage.ts";
import { PromptChallenge, PromptChallengeResponseRequest, promptsOfStage, stagePrompt } from "../prompt/prompt-challenge.ts";
import { mergePromptData, promptData } from "../prompt/prompt-data.ts";
import { validatePrompts } from "../prompt/prompt-validation.ts";
import { stageUser } from "./authenticator-user.ts";

const component = "ak-stage-prompt";

/** Asks for the stage's prompts and keeps the answers in the plan's `prompt_data` for later stages (user write). */
export const prompt: StageKind<typeof PromptChallengeResponseRequest> = {
  kind: "prompt",

  async show(ctx) {
    const [fields, user] = await Promise.all([promptsOfStage(ctx.db, ctx.stage.config), stageUser(ctx)]);
    const data = promptData(ctx.plan);
    return { component, fields: fields.map((field) => stagePrompt(field, data, user)) };
  },

  interaction: {
    component,
    challengeSchema: PromptChallenge,
    responseSchema: PromptChallengeResponseRequest,

    async submit(ctx, response) {
      const [fields, user] = await Promise.all([promptsOfStage(ctx.db, ctx.stage.config), stageUser(ctx)]);
      const { values, errors } = await validatePrompts(ctx.db, fields, response, { data: promptData(ctx.plan), user });
      if (Object.keys(errors).length) return invalid(errors);
      mergePromptData(ctx.plan, values);
      return next;
    },
  },
};
