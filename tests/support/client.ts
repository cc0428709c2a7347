import type { Hono } from "hono";
import { createApp } from "../../server/app.ts";
import type { Database } from "../../server/db/client.ts";
import type { FlowObserver } from "../../server/context.ts";

/**
 * Talks to the app in-process like a browser would: keeps cookies, and sends the CSRF header
 * from the CSRF cookie on unsafe requests (unless told not to).
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  readonly app: Hono<any>;

  constructor(database: Database, observer?: FlowObserver) {
    this.app = createApp({ db: database.db, secureCookies: false, observer });
  }

  async request(path: string, init: RequestInit & { json?: unknown; csrf?: boolean } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const method = init.method ?? (init.json === undefined ? "GET" : "POST");
    if (method !== "GET" && init.csrf !== false && this.cookies.has("authentik_csrf")) {
      headers.set("X-authentik-CSRF", this.cookies.get("authentik_csrf")!);
    }
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(init.json);
    }
    const response = await this.app.request(`http://127.0.0.1:9000${path}`, { ...init, method, headers, body });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(";");
      const [name, value] = pair.split("=");
      const expired = attributes.some((a) => /max-age=0/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }

  async json<T = any>(path: string, init?: Parameters<TestClient["request"]>[1]): Promise<T> {
    return (await this.request(path, init)).json() as Promise<T>;
  }

  /** Runs a flow step: GET without a body, POST with one. */
  flow<T = any>(slug: string, body?: unknown, query = ""): Promise<T> {
    const path = `/api/v3/flows/executor/${slug}/?query=${encodeURIComponent(query)}`;
    return this.json<T>(path, body === undefined ? {} : { json: body });
  }

  /** Signs in through the default authentication flow and returns the final challenge. */
  async signIn(username: string, password: string) {
    await this.request("/");
    await this.flow("default-authentication-flow");
    await this.flow("default-authentication-flow", { component: "ak-stage-identification", uid_field: username });
    return this.flow("default-authentication-flow", { component: "ak-stage-password", password });
  }
}
