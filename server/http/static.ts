import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import type { MiddlewareHandler } from "hono";

const types: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

/**
 * Serves files below `root` for requests under `prefix`. Vite's hashed files under `assets/`
 * never change, so they are cached for a year; everything else is revalidated.
 */
export function serveStatic(prefix: string, root: string): MiddlewareHandler {
  return async (c, next) => {
    const relative = decodeURIComponent(c.req.path.slice(prefix.length));
    const path = normalize(join(root, relative));
    if (!path.startsWith(root + sep)) return next();
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return next();
    const immutable = relative.startsWith("assets/");
    return c.body(await readFile(path), 200, {
      "Content-Type": types[extname(path)] ?? "application/octet-stream",
      "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    });
  };
}
