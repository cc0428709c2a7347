import { expect } from "@playwright/test";
import { authenticatorApp, codeAt } from "../support/totp.ts";
import { AdminApi } from "./admin-api.ts";

/** Gives `username` an authenticator app by running the real setup flow as them, over the API. */
export async function setUpAuthenticatorApp(baseURL: string, username: string, password: string): Promise<void> {
  const user = await AdminApi.signIn(baseURL, username, password);
  try {
    const flow = "/flows/executor/default-authenticator-totp-setup/?query=";
    const challenge = await user.get(flow);
    const app = authenticatorApp(challenge.config_url);
    const done = await user.post(flow, { component: challenge.component, code: Number(codeAt(app)) });
    expect(done.component, "the code from the app is accepted").toBe("xak-flow-redirect");
  } finally {
    await user.dispose();
  }
}
