import type { Session } from "./auth/session.ts";
import type { Db } from "./db/client.ts";

/** Receives every challenge sent and every response received, e.g. to check them against authentik's schema. */
export interface FlowObserver {
  challenge(challenge: unknown): void;
  response(response: unknown): void;
}

export interface Deps {
  db: Db;
  secureCookies: boolean;
  observer?: FlowObserver;
}

export type AppEnv = {
  Variables: {
    session: Session;
    deps: Deps;
    /** CSP hashes (`sha256-…`) of the inline styles a server-rendered page carries. */
    inlineStyleHashes?: string[];
  };
};
