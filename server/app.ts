import { Hono } from "hono";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { AppEnv, Deps } from "./context.ts";
import { createApi } from "./api/index.ts";
import { csrf } from "./auth/csrf.ts";
import { loadSession } from "./auth/session.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { serveStatic } from "./http/static.ts";
import { flowRedirects } from "./flows/routes.ts";
import { applicationLaunch } from "./flows/application-launch.ts";
import { interfaceRoutes } from "./http/interfaces.ts";
import { oauthSourceRoutes } from "./sources/oauth/routes.ts";
import { loggable } from "./http/loggable-error.ts";

export interface AppOptions extends Deps {
  /** The built UI (Vite's output); without it only the API is served. */
  distDir?: string;
}

export function createApp(options: AppOptions) {
  const { distDir, ...deps } = options;
  const app = new Hono<AppEnv>();
  app.use(securityHeaders);
  // Before the session: the UI's files need no database work.
  if (distDir) app.use("/static/dist/*", serveStatic("/static/dist/", distDir));
  app.use(async (c, next) => {
    c.set("deps", deps);
    const session = await loadSession(deps.db, c);
    c.set("session", session);
    await next();
    await session.save(deps.db, c, deps.secureCookies);
  });
  app.use(csrf(deps.secureCookies));
  app.route("/api/v3", createApi());
  app.route("/", flowRedirects());
  app.route("/", applicationLaunch());
  app.route("/", oauthSourceRoutes());
  if (distDir) app.route("/", interfaceRoutes((name) => readFile(join(distDir, `${name}.html`), "utf8")));
  app.onError((err, c) => {
    console.error(`${c.req.method} ${c.req.path} failed:`, loggable(err));
    return c.json({ detail: "Internal server error.", code: "server_error" }, 500);
  });
  return app;
}
