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
 * never change, so browsers cache them for a year and this server keeps them in memory: answered
 * at once, they never wait behind a database request for a turn of the event loop.
 */
export function serveStatic(prefix: string, root: string): MiddlewareHandler {
  const immutableFiles = new Map<string, Buffer<ArrayBuffer>>();
  return async (c, next) => {
    const relative = decodeURIComponent(c.req.path.slice(prefix.length));
    const path = normalize(join(root, relative));
    if (!path.startsWith(root + sep)) return next();
    const immutable = relative.startsWith("assets/");
    let body = immutable ? immutableFiles.get(path) : undefined;
    if (!body) {
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) return next();
      body = await readFile(path);
      if (immutable) immutableFiles.set(path, body);
    }
    return c.body(body, 200, {
      "Content-Type": types[extname(path)] ?? "application/octet-stream",
      "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    });
  };
}
