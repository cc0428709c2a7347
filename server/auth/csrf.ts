import { randomBytes } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";

export const csrfCookie = "authentik_csrf";
export const csrfHeader = "X-authentik-CSRF";
const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Double-submit CSRF protection plus an Origin check: every unsafe request must echo the
 * `authentik_csrf` cookie in the `X-authentik-CSRF` header, and may not come from another origin.
 * Every response that finds no CSRF cookie sets one.
 */
export function csrf(secure: boolean): MiddlewareHandler {
  return async (c, next) => {
    const cookie = getCookie(c, csrfCookie);
    if (!safeMethods.has(c.req.method)) {
      const origin = c.req.header("origin");
      // Hosts, not schemes, are compared: behind a TLS-terminating proxy the request URL is http.
      if (origin && hostOf(origin) !== new URL(c.req.url).host) {
        return c.json({ detail: "Cross-origin request refused.", code: "csrf_origin" }, 403);
      }
      const header = c.req.header(csrfHeader);
      if (!cookie || !header || header !== cookie) {
        return c.json({ detail: "CSRF token missing or incorrect. Reload the page and try again.", code: "csrf_failed" }, 403);
      }
    }
    if (!cookie) {
      setCookie(c, csrfCookie, randomBytes(24).toString("base64url"), { path: "/", sameSite: "Lax", secure });
    }
    await next();
  };
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
