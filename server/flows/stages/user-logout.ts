import { next, type StageKind } from "../stage.ts";

/** Ends the session; it shows nothing. */
export const userLogout: StageKind = {
  kind: "user_logout",

  async show({ session }) {
    session.destroy();
    return next;
  },
};
