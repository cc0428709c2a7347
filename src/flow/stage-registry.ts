/**
 * Which element renders each challenge `component`, and the chunk that defines it. Stages load
 * lazily so the login page fetches only the stage it shows.
 */
const stages: Record<string, () => Promise<unknown>> = {
  "ak-stage-identification": () => import("./stages/ak-stage-identification.ts"),
  "ak-stage-password": () => import("./stages/ak-stage-password.ts"),
  "ak-stage-user-login": () => import("./stages/ak-stage-user-login.ts"),
  "ak-stage-access-denied": () => import("./stages/ak-stage-access-denied.ts"),
  "ak-stage-flow-error": () => import("./stages/ak-stage-flow-error.ts"),
};

export const isKnownStage = (component: string) => Object.hasOwn(stages, component);

/** Loads the stage's module (once) and returns its element's tag name, which is the component itself. */
export async function loadStage(component: string): Promise<string> {
  await stages[component]();
  return component;
}
