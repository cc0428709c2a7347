import type { StageKind } from "../stage.ts";
import { authenticatorStatic } from "./authenticator-static.ts";
import { authenticatorTotp } from "./authenticator-totp.ts";
import { authenticatorValidate } from "./authenticator-validate.ts";
import { authenticatorWebAuthn } from "./authenticator-webauthn.ts";
import { identification } from "./identification.ts";
import { password } from "./password.ts";
import { userLogin } from "./user-login.ts";
import { userLogout } from "./user-logout.ts";
import { autosubmit } from "./autosubmit.ts";
import { consent } from "./consent.ts";
import { denyStage } from "./deny.ts";
import { dummy } from "./dummy.ts";
import { email } from "./email.ts";
import { invitation } from "./invitation.ts";
import { prompt } from "./prompt.ts";
import { redirect } from "./redirect.ts";
import { sessionEnd } from "./session-end.ts";
import { sourceConnection } from "./source-connection.ts";
import { userWrite } from "./user-write.ts";

/** Every stage kind the reference server can run, by the `kind` stored on the stage. */
export const stageKinds: ReadonlyMap<string, StageKind> = new Map(
  [identification, password, userLogin, userLogout, authenticatorValidate, authenticatorTotp, authenticatorStatic, authenticatorWebAuthn, prompt, userWrite, email, invitation, consent, denyStage, redirect, autosubmit, sessionEnd, dummy, sourceConnection].map((k) => [k.kind, k as StageKind]),
);
