/** Where a source's flow keeps the connection it is to save, under authentik's name for it. */
export const connectionKey = "goauthentik.io/sources/connection";

/** A user's account at a source, before it is known which user it belongs to. */
export interface PendingConnection {
  source: string;
  identifier: string;
}

declare module "../flows/plan.ts" {
  interface PlanContext {
    /** The flow runs for a sign-in through a source (authentik's `is_sso`). */
    is_sso?: boolean;
    /** The pk of that source. */
    source?: string;
    [connectionKey]?: PendingConnection;
  }
}
