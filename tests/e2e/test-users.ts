import { expect, request } from "@playwright/test";
import { adminPassword } from "../support/constants.ts";

/**
 * Creates a user with a password through the API, as akadmin, so each test signs in as someone no
 * other test touches. Returns the username, made unique with `prefix`.
 */
export async function createUser(baseURL: string, prefix: string, password: string): Promise<string> {
  const username = `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const api = await request.newContext({ baseURL });
  try {
    const flow = "/api/v3/flows/executor/default-authentication-flow/?query=";
    await api.get(flow);
    const csrf = async () => ({ "X-authentik-CSRF": (await api.storageState()).cookies.find((c) => c.name === "authentik_csrf")!.value });
    await api.post(flow, { headers: await csrf(), data: { component: "ak-stage-identification", uid_field: "akadmin" } });
    const signedIn = await (await api.post(flow, { headers: await csrf(), data: { component: "ak-stage-password", password: adminPassword } })).json();
    expect(signedIn.component, "akadmin signs in with the password alone").toBe("xak-flow-redirect");

    const created = await api.post("/api/v3/core/users/", { headers: await csrf(), data: { username, name: username } });
    expect(created.status()).toBe(201);
    const { pk } = await created.json();
    const set = await api.post(`/api/v3/core/users/${pk}/set_password/`, { headers: await csrf(), data: { password } });
    expect(set.status()).toBe(204);
    return username;
  } finally {
    await api.dispose();
  }
}
