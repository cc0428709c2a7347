/**
 * Path matching for the History API router. DOM-free, so it is unit-tested in Node.
 *
 * A pattern is a path under the router's base: literal segments, `:name` segments that capture one
 * segment, and an optional final `*` that captures the rest. Paths are compared without a trailing
 * slash, so `/core/users/` and `/core/users` are the same page.
 */

/** A route leading somewhere: the router hands `value` to its host when the pattern matches. */
export interface ValueRoute<T> {
  readonly pattern: string;
  readonly value: T;
}

/** A route that only sends the visitor on to another path (replacing the history entry). */
export interface RedirectRoute {
  readonly pattern: string;
  readonly redirect: string;
}

export type Route<T> = ValueRoute<T> | RedirectRoute;

export interface RouteMatch<T> {
  readonly route: ValueRoute<T>;
  /** The `:name` segments (decoded), and `*` for the rest of the path. */
  readonly params: Readonly<Record<string, string>>;
}

export interface Resolution<T> {
  /** The path after following redirects. */
  readonly path: string;
  /** Whether a redirect changed the path. */
  readonly redirected: boolean;
  /** The route the path leads to, or undefined when no route matches (a not-found page). */
  readonly match?: RouteMatch<T>;
}

/** `/core//users/` → `/core/users`; `` → `/`. */
export function normalizePath(path: string): string {
  const segments = path.split("/").filter(Boolean);
  return `/${segments.join("/")}`;
}

/** A base with exactly one leading and one trailing slash: `if/admin` → `/if/admin/`. */
export function normalizeBase(base: string): string {
  const path = normalizePath(base);
  return path === "/" ? "/" : `${path}/`;
}

/**
 * The path below the base, or undefined when the pathname is outside it.
 * `relativePath("/if/admin/core/users/", "/if/admin/")` → `/core/users`; `/if/admin` → `/`.
 */
export function relativePath(pathname: string, base: string): string | undefined {
  const prefix = normalizeBase(base);
  const path = normalizePath(pathname);
  if (prefix === "/") return path;
  if (`${path}/` === prefix) return "/";
  if (!path.startsWith(prefix)) return undefined;
  return normalizePath(path.slice(prefix.length - 1));
}

/** The absolute pathname of a path under the base: `("/core/users", "/if/admin/")` → `/if/admin/core/users`. */
export function absolutePath(path: string, base: string): string {
  const prefix = normalizeBase(base);
  const relative = normalizePath(path);
  return relative === "/" ? prefix : `${prefix}${relative.slice(1)}`;
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The params of `path` under `pattern`, or undefined when it does not match. */
export function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = normalizePath(pattern).split("/").slice(1).filter(Boolean);
  const have = normalizePath(path).split("/").slice(1).filter(Boolean);
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const expected = want[i];
    if (expected === "*" && i === want.length - 1) {
      const rest = have.slice(i).map(decode);
      if (rest.some((segment) => segment === undefined)) return undefined;
      params["*"] = rest.join("/");
      return params;
    }
    const actual = have[i];
    if (actual === undefined) return undefined;
    const decoded = decode(actual);
    if (decoded === undefined) return undefined;
    if (expected.startsWith(":")) params[expected.slice(1)] = decoded;
    else if (decoded !== expected) return undefined;
  }
  return want.length === have.length ? params : undefined;
}

/** The first route whose pattern matches the path, with its params. */
export function matchRoute<T>(routes: readonly Route<T>[], path: string): { route: Route<T>; params: Record<string, string> } | undefined {
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (params) return { route, params };
  }
  return undefined;
}

const maxRedirects = 8;

/** Follows redirects (at most a few, so a loop ends as not-found) and returns where the path leads. */
export function resolveRoute<T>(routes: readonly Route<T>[], path: string): Resolution<T> {
  let current = normalizePath(path);
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const found = matchRoute(routes, current);
    if (!found) return { path: current, redirected: hop > 0 };
    if ("redirect" in found.route) {
      current = normalizePath(found.route.redirect);
      continue;
    }
    return { path: current, redirected: hop > 0, match: { route: found.route, params: found.params } };
  }
  return { path: current, redirected: true };
}

/** Whether `path` is `prefix` itself or lies below it (`/core/users/5` is within `/core/users`). */
export function isWithin(path: string, prefix: string): boolean {
  const p = normalizePath(path);
  const q = normalizePath(prefix);
  return q === "/" ? p === "/" : p === q || p.startsWith(`${q}/`);
}

/** The candidate the path lies within most closely (the longest), for marking the current navigation item. */
export function closestWithin(path: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const candidate of candidates) {
    if (isWithin(path, candidate) && (best === undefined || normalizePath(candidate).length > normalizePath(best).length)) {
      best = candidate;
    }
  }
  return best;
}
