import { deny as denyAccess, type StageKind } from "../stage.ts";

export interface DenyConfig {
  deny_message?: string;
}

/** Ends the flow with access denied, saying why in the stage's own words. */
export const denyStage: StageKind = {
  kind: "deny",

  async show(ctx) {
    return denyAccess((ctx.stage.config as DenyConfig).deny_message || "Access denied.");
  },
};
