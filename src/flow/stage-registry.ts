/**
 * Which element renders each challenge `component`, and the chunk that defines it. Stages load
 * lazily so the login page fetches only the stage it shows.
 */
const stages: Record<string, () => Promise<unknown>> = {
  "ak-stage-identification": () => import("./stages/ak-stage-identification.ts"),
  "ak-stage-password": () => import("./stages/ak-stage-password.ts"),
  "ak-stage-user-login": () => import("./stages/ak-stage-user-login.ts"),
  "ak-stage-authenticator-validate": () => import("./stages/ak-stage-authenticator-validate.ts"),
  "ak-stage-authenticator-totp": () => import("./stages/ak-stage-authenticator-totp.ts"),
  "ak-stage-authenticator-static": () => import("./stages/ak-stage-authenticator-static.ts"),
  "ak-stage-authenticator-webauthn": () => import("./stages/ak-stage-authenticator-webauthn.ts"),
  "ak-stage-prompt": () => import("./stages/ak-stage-prompt.ts"),
  "ak-stage-consent": () => import("./stages/ak-stage-consent.ts"),
  "ak-stage-email": () => import("./stages/ak-stage-email.ts"),
  "ak-stage-autosubmit": () => import("./stages/ak-stage-autosubmit.ts"),
  "ak-stage-session-end": () => import("./stages/ak-stage-session-end.ts"),
  "ak-stage-dummy": () => import("./stages/ak-stage-dummy.ts"),
  "ak-stage-access-denied": () => import("./stages/ak-stage-access-denied.ts"),
  "ak-stage-flow-error": () => import("./stages/ak-stage-flow-error.ts"),
};

export const isKnownStage = (component: string) => Object.hasOwn(stages, component);

/** Loads the stage's module (once) and returns its element's tag name, which is the component itself. */
export async function loadStage(component: string): Promise<string> {
  await stages[component]();
  return component;
}
