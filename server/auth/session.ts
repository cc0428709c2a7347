import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import type { Context } from "hono";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import type { Db } from "../db/client.ts";
import { sessions, users } from "../db/schema.ts";

export const sessionCookie = "authentik_session";
/** How long a session lasts without use, unless the sign-in gave it a lifetime of its own. */
const defaultLifetimeSeconds = 24 * 60 * 60;
/** Where a session keeps the lifetime its sign-in gave it (see `login`). */
const lifetimeKey = "session_lifetime_seconds";
/** How stale a session's `last_used` may get: one write a minute at most, not one per request. */
const lastUsedResolutionMs = 60 * 1000;

export type User = typeof users.$inferSelect;
export type SessionData = Record<string, unknown>;

const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

/**
 * The visitor's server-side session. It is stored only once something is written to it,
 * and its key is rotated on sign-in so a key planted before sign-in is worthless after.
 */
export class Session {
  #key: string | null;
  #previousKey: string | null = null;
  #dirty = false;
  #destroyed = false;
  #persistent = false;

  constructor(
    key: string | null,
    public user: User | null,
    public data: SessionData,
  ) {
    this.#key = key;
  }

  /** The stored session's key hash, to recognise it among the user's sessions; null before it is stored. */
  get keyHash(): string | null {
    return this.#key ? hashKey(this.#key) : null;
  }

  get<T>(name: string): T | undefined {
    return this.data[name] as T | undefined;
  }

  set(name: string, value: unknown): void {
    if (value === undefined) delete this.data[name];
    else this.data[name] = value;
    this.#dirty = true;
  }

  /**
   * Signs the user in. `persistent` keeps the cookie across browser restarts; `lifetimeSeconds`
   * sets how long the session lasts (default a day).
   */
  login(user: User, persistent = false, lifetimeSeconds?: number): void {
    this.#previousKey = this.#key;
    this.#key = null;
    this.user = user;
    this.#persistent = persistent;
    this.set(lifetimeKey, lifetimeSeconds);
  }

  /** A stable name for this session that reveals nothing of its key (for the flow inspector). */
  get publicId(): string | null {
    return this.#key ? createHash("sha256").update(`session-id:${hashKey(this.#key)}`).digest("hex") : null;
  }

  destroy(): void {
    this.#destroyed = true;
    this.user = null;
    this.data = {};
  }

  /** Writes the session back and sets or clears the cookie; called once per request. */
  async save(db: Db, c: Context, secure: boolean): Promise<void> {
    if (this.#previousKey) await db.delete(sessions).where(eq(sessions.keyHash, hashKey(this.#previousKey)));
    if (this.#destroyed) {
      if (this.#key) await db.delete(sessions).where(eq(sessions.keyHash, hashKey(this.#key)));
      deleteCookie(c, sessionCookie, { path: "/" });
      return;
    }
    if (!this.#dirty) return;
    const expires = new Date(Date.now() + (this.get<number>(lifetimeKey) ?? defaultLifetimeSeconds) * 1000);
    const row = {
      user: this.user?.pk ?? null,
      data: this.data,
      expires,
      lastIp: clientIp(c),
      lastUserAgent: c.req.header("user-agent") ?? "",
      lastUsed: new Date(),
    };
    if (this.#key) {
      await db.update(sessions).set(row).where(eq(sessions.keyHash, hashKey(this.#key)));
      return;
    }
    this.#key = randomBytes(32).toString("base64url");
    await db.insert(sessions).values({ keyHash: hashKey(this.#key), ...row });
    setCookie(c, sessionCookie, this.#key, {
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      secure,
      ...(this.#persistent ? { expires } : {}),
    });
  }
}

export async function loadSession(db: Db, c: Context): Promise<Session> {
  const key = getCookie(c, sessionCookie);
  if (!key) return new Session(null, null, {});
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .leftJoin(users, eq(users.pk, sessions.user))
    .where(and(eq(sessions.keyHash, hashKey(key)), gt(sessions.expires, new Date())));
  if (!row) return new Session(null, null, {});
  if (Date.now() - row.session.lastUsed.getTime() > lastUsedResolutionMs) {
    await db.update(sessions).set({ lastUsed: new Date() }).where(eq(sessions.keyHash, row.session.keyHash));
  }
  // An inactive user's sessions are deleted when they are deactivated; this covers any left over.
  const user = row.user?.isActive ? row.user : null;
  return new Session(key, user, row.session.data);
}

function clientIp(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "";
}
