import { expect, request, type APIRequestContext } from "@playwright/test";
import { adminPassword } from "../support/constants.ts";

/**
 * The reference server's admin API as akadmin, outside any browser page: for setting up the users,
 * flows and stages a test needs, and for reading the mail outbox.
 */
export class AdminApi {
  private constructor(private readonly api: APIRequestContext) {}

  /** Signs in as akadmin, or as another user who signs in with the password alone (to act as them through the API). */
  static async signIn(baseURL: string, username = "akadmin", password = adminPassword): Promise<AdminApi> {
    const admin = new AdminApi(await request.newContext({ baseURL }));
    const flow = "/flows/executor/default-authentication-flow/?query=";
    await admin.api.get(`/api/v3${flow}`);
    await admin.post(flow, { component: "ak-stage-identification", uid_field: username });
    const done = await admin.post(flow, { component: "ak-stage-password", password });
    expect(done.component, `${username} signs in with the password alone`).toBe("xak-flow-redirect");
    return admin;
  }

  async #headers() {
    const cookies = (await this.api.storageState()).cookies;
    return { "X-authentik-CSRF": cookies.find((c) => c.name === "authentik_csrf")!.value };
  }

  /** GET `/api/v3<path>`. */
  async get(path: string) {
    const response = await this.api.get(`/api/v3${path}`);
    expect(response.status(), `GET ${path}`).toBe(200);
    return response.json();
  }

  /** POST `/api/v3<path>`; it must answer `status` when given, else any success. */
  async post(path: string, data: unknown, status?: number) {
    const response = await this.api.post(`/api/v3${path}`, { headers: await this.#headers(), data });
    const said = `POST ${path}: ${await response.text()}`;
    if (status === undefined) expect(response.status(), said).toBeLessThan(300);
    else expect(response.status(), said).toBe(status);
    return response.status() === 204 ? undefined : response.json();
  }

  /** DELETE `/api/v3<path>`; it must answer 204. */
  async delete(path: string) {
    const response = await this.api.delete(`/api/v3${path}`, { headers: await this.#headers() });
    expect(response.status(), `DELETE ${path}: ${await response.text()}`).toBe(204);
  }

  /** PATCH `/api/v3<path>`; it must answer 200. */
  async patch(path: string, data: unknown) {
    const response = await this.api.patch(`/api/v3${path}`, { headers: await this.#headers(), data });
    expect(response.status(), `PATCH ${path}: ${await response.text()}`).toBe(200);
    return response.json();
  }

  /** Creates a user who signs in with `password` (named after the username unless `fields` say otherwise). */
  async createUser(username: string, password: string, fields: Record<string, unknown> = {}): Promise<{ username: string; pk: number }> {
    const user = await this.post("/core/users/", { username, name: username, ...fields }, 201);
    await this.post(`/core/users/${user.pk}/set_password/`, { password }, 204);
    return { username, pk: user.pk };
  }

  /** Creates a flow with new stages of the given kinds (or existing ones, by pk) bound in order; returns its slug. */
  async createFlow(slug: string, stages: ({ path: string; body: Record<string, unknown> } | { pk: string })[], flow: Record<string, unknown> = {}) {
    const created = await this.post("/flows/instances/", { name: slug, slug, title: slug, designation: "stage_configuration", ...flow });
    for (const [index, stage] of stages.entries()) {
      const made = "pk" in stage ? stage : await this.post(stage.path, { name: `${slug}-${index}`, ...stage.body });
      await this.post("/flows/bindings/", { target: created.pk, stage: made.pk, order: (index + 1) * 10 });
    }
    return slug;
  }

  /** The flow link in the newest mail to `to`, as a path on this site (waits briefly for it to arrive). */
  async linkMailedTo(to: string): Promise<string> {
    let link: string | undefined;
    await expect
      .poll(async () => {
        const outbox = await this.get(`/admin/outbox/?search=${encodeURIComponent(to)}`);
        const mail = outbox.results.find((m: { to: string }) => m.to === to);
        link = mail?.text.match(/https?:\/\/\S+\/if\/flow\/\S+/)?.[0];
        return link;
      }, `a mail with a link to ${to}`)
      .toBeTruthy();
    const url = new URL(link!);
    return url.pathname + url.search;
  }

  dispose() {
    return this.api.dispose();
  }
}

/** A name no other test (or earlier run) uses. */
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A user of its own for a test: created as akadmin, who then signs out; returns the username, made unique with `prefix`. */
export async function createUser(baseURL: string, prefix: string, password: string): Promise<string> {
  const admin = await AdminApi.signIn(baseURL);
  try {
    return (await admin.createUser(unique(prefix), password)).username;
  } finally {
    await admin.dispose();
  }
}
