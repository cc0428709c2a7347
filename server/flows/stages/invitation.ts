import { usableInvitation } from "../invitation/invitation-use.ts";
import { mergePromptData, promptData } from "../prompt/prompt-data.ts";
import { deny, next, type StageKind } from "../stage.ts";

export interface InvitationConfig {
  continue_flow_without_invitation?: boolean;
}

/** The query parameter of an invitation link, as authentik names it. */
export const invitationParam = "itoken";

/**
 * Lets the flow go on only with a valid invitation, from the link (`?itoken=`) or a prompt field
 * named `token`; the invitation's fixed data joins the prompt data, e.g. to prefill an email.
 */
export const invitation: StageKind = {
  kind: "invitation",

  async show(ctx) {
    const config = ctx.stage.config as InvitationConfig;
    const token = ctx.query.get(invitationParam) ?? promptData(ctx.plan).token;
    const given = typeof token === "string" ? token.trim() : "";
    const found = given ? await usableInvitation(ctx.db, given, ctx.flow.pk) : undefined;
    if (!found) {
      if (config.continue_flow_without_invitation) return next;
      if (!given) return deny("You need an invitation to continue. Open the invitation link you were sent.");
      return deny("This invitation is not valid. It may have expired or already been used.");
    }
    ctx.plan.context.invitation = { pk: found.pk, single_use: found.singleUse };
    mergePromptData(ctx.plan, found.fixedData);
    return next;
  },
};
