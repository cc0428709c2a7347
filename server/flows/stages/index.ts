import type { StageKind } from "../stage.ts";
import { identification } from "./identification.ts";
import { password } from "./password.ts";
import { userLogin } from "./user-login.ts";
import { userLogout } from "./user-logout.ts";

/** Every stage kind the reference server can run, by the `kind` stored on the stage. */
export const stageKinds: ReadonlyMap<string, StageKind> = new Map(
  [identification, password, userLogin, userLogout].map((k) => [k.kind, k as StageKind]),
);
