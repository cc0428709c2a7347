import type { z } from "@hono/zod-openapi";
import type { Session } from "../auth/session.ts";
import type { Db } from "../db/client.ts";
import type { stages } from "../db/schema.ts";
import type { FlowRow } from "../api/flows/flow-models.ts";
import type { ResponseErrors } from "./challenge.ts";
import type { FlowPlan } from "./plan.ts";

export type StageRow = typeof stages.$inferSelect;

export interface StageContext {
  db: Db;
  session: Session;
  flow: FlowRow;
  stage: StageRow;
  plan: FlowPlan;
  /** The flow page's own query string, e.g. `next=/if/admin/`. */
  query: URLSearchParams;
  /** The origin the browser sees this server at, e.g. `https://auth.example.com`. */
  origin: string;
}

/** What a stage decides: go on, show its challenge again with errors, or deny access. */
export type Outcome = { type: "next" } | { type: "invalid"; errors: ResponseErrors } | { type: "deny"; message: string };

export const next: Outcome = { type: "next" };
export const invalid = (errors: ResponseErrors): Outcome => ({ type: "invalid", errors });
export const deny = (message: string): Outcome => ({ type: "deny", message });

/** A challenge without the fields the executor fills in (`flow_info`, `response_errors`). */
export type Challenge = { component: string } & Record<string, unknown>;

/** How a stage that asks for input describes and handles its challenge. */
export interface Interaction<Response extends z.ZodType = z.ZodType> {
  component: string;
  /** The challenge's schema, for the API documentation. */
  challengeSchema: z.ZodType;
  /** The schema a response must match; a mismatch is reported at the fields it concerns. */
  responseSchema: Response;
  submit(ctx: StageContext, response: z.infer<Response>): Promise<Outcome>;
}

/**
 * One kind of stage. `show` returns the challenge to display, or an outcome when the stage
 * needs no input (user login without "remember me", logout). Stages that ask for input
 * describe that in `interaction`.
 */
export interface StageKind<Response extends z.ZodType = z.ZodType> {
  kind: string;
  show(ctx: StageContext): Promise<Challenge | Outcome>;
  interaction?: Interaction<Response>;
  /** The challenge of a stage that shows something but takes no response (e.g. session end), for the API documentation. */
  displaySchema?: z.ZodType;
}
