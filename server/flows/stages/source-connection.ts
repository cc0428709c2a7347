import { alreadyConnected, saveConnection } from "../../sources/connections.ts";
import { connectionKey } from "../../sources/source-context.ts";
import { deny, next, type StageKind } from "../stage.ts";

/**
 * Connects the account a source signed the visitor in with to the user the flow identified (or
 * created), once the source's flow has run: authentik's in-memory `PostSourceStage`. Sources add
 * it to the plan; it is never stored.
 */
export const sourceConnection: StageKind = {
  kind: "source_connection",

  async show(ctx) {
    const connection = ctx.plan.context[connectionKey];
    const user = ctx.plan.context.pending_user ?? ctx.session.user?.pk;
    if (!connection || user === undefined) return deny("No user was identified in this flow.");
    return (await saveConnection(ctx.db, user, connection)) ? next : deny(alreadyConnected);
  },
};
