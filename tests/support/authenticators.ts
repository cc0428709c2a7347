import type { TOTP } from "otpauth";
import { expect } from "vitest";
import type { TestClient } from "./client.ts";
import { authenticatorApp, codeAt } from "./totp.ts";

export { authenticatorApp, codeAt };

/** Runs default-authenticator-totp-setup for the signed-in client and returns the app it set up. */
export async function enrolTotp(client: TestClient): Promise<TOTP> {
  const setup = await client.flow("default-authenticator-totp-setup");
  expect(setup.component).toBe("ak-stage-authenticator-totp");
  const app = authenticatorApp(setup.config_url);
  const done = await client.flow("default-authenticator-totp-setup", { component: "ak-stage-authenticator-totp", code: Number(codeAt(app)) });
  expect(done.component).toBe("xak-flow-redirect");
  return app;
}

/** Runs default-authenticator-static-setup for the signed-in client and returns the recovery codes it saved. */
export async function enrolRecoveryCodes(client: TestClient): Promise<string[]> {
  const setup = await client.flow("default-authenticator-static-setup");
  expect(setup.component).toBe("ak-stage-authenticator-static");
  const done = await client.flow("default-authenticator-static-setup", { component: "ak-stage-authenticator-static" });
  expect(done.component).toBe("xak-flow-redirect");
  return setup.codes;
}

/** Starts signing in and returns the challenge that follows the password. */
export async function signInUntilMfa(client: TestClient, username: string, password: string) {
  await client.request("/");
  await client.flow("default-authentication-flow");
  await client.flow("default-authentication-flow", { component: "ak-stage-identification", uid_field: username });
  return client.flow("default-authentication-flow", { component: "ak-stage-password", password });
}

export const validate = (client: TestClient, answer: Record<string, unknown>) =>
  client.flow("default-authentication-flow", { component: "ak-stage-authenticator-validate", ...answer });
