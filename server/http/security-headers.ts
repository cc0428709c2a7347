import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.ts";

/**
 * A strict Content-Security-Policy: scripts only from this origin and never inline; styles from this
 * origin plus Lit's constructed stylesheets, and the inline styles of a server-rendered page each by
 * its hash; images also as data URIs (avatars) and over HTTPS (brand logos and flow backgrounds
 * hosted elsewhere).
 */
const contentSecurityPolicy = (inlineStyleHashes: string[]) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...inlineStyleHashes.map((hash) => `'${hash}'`)].join(" "),
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // The autosubmit stage posts to other sites over HTTPS (e.g. a SAML response to a service provider).
    "form-action 'self' https:",
    "frame-ancestors 'none'",
  ].join("; ");

export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.header("Content-Security-Policy", contentSecurityPolicy(c.get("inlineStyleHashes") ?? []));
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Referrer-Policy", "same-origin");
  c.header("X-Frame-Options", "DENY");
};
