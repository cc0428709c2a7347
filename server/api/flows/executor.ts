import { randomUUID } from "node:crypto";
import { z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import { AccessDeniedChallenge, FlowErrorChallenge, RedirectChallenge } from "../../flows/builtin-challenges.ts";
import { FlowNotFound, currentChallenge, solveChallenge, type ChallengeBody, type FlowRequest } from "../../flows/executor.ts";
import { stageKinds } from "../../flows/stages/index.ts";
import { GenericError, responses } from "../common.ts";
import { loggable } from "../../http/loggable-error.ts";

const interactions = [...stageKinds.values()].flatMap((k) => (k.interaction ? [k.interaction] : []));
const displays = [...stageKinds.values()].flatMap((k) => (k.displaySchema ? [k.displaySchema] : []));

const ChallengeTypes = z
  .discriminatedUnion("component", [
    AccessDeniedChallenge,
    FlowErrorChallenge,
    RedirectChallenge,
    ...(interactions.map((i) => i.challengeSchema) as (typeof RedirectChallenge)[]),
    ...(displays as (typeof RedirectChallenge)[]),
  ])
  .openapi("ChallengeTypes");

const FlowChallengeResponseRequest = z
  .union(interactions.map((i) => i.responseSchema) as [z.ZodType, z.ZodType, ...z.ZodType[]])
  .openapi("FlowChallengeResponseRequest");

const params = z.object({ flow_slug: z.string() });
const query = z.object({ query: z.string().openapi({ description: "Querystring as received" }) });
const documented = {
  ...responses(ChallengeTypes),
  404: { content: { "application/json": { schema: GenericError } }, description: "" },
};

export function registerExecutor(api: OpenAPIHono<AppEnv>) {
  const path = "/flows/executor/{flow_slug}/";
  api.openAPIRegistry.registerPath({
    method: "get",
    path,
    operationId: "flows_executor_get",
    tags: ["flows"],
    description: "Get the next pending challenge from the currently active flow.",
    request: { params, query },
    responses: documented,
  });
  api.openAPIRegistry.registerPath({
    method: "post",
    path,
    operationId: "flows_executor_solve",
    tags: ["flows"],
    description: "Solve the previously retrieved challenge and advanced to the next stage.",
    request: {
      params,
      query,
      body: { content: { "application/json": { schema: FlowChallengeResponseRequest } } },
    },
    responses: documented,
  });

  // Registered without request validation: a malformed response is the stage's to report, field by field.
  api.get("/flows/executor/:flow_slug/", (c) => respond(c, flowCurrentChallenge(c, c.req.param("flow_slug"), c.req.query("query") ?? "")));
  api.post("/flows/executor/:flow_slug/", async (c) => {
    const body = await c.req.json().catch(() => null);
    c.get("deps").observer?.response(body);
    return respond(c, runFlow(c, c.req.param("flow_slug"), c.req.query("query") ?? "", (req) => solveChallenge(req, body)));
  });
}

async function respond(c: Context<AppEnv>, result: Promise<ChallengeBody | FlowNotFound>) {
  const challenge = await result;
  if (challenge instanceof FlowNotFound) return c.json({ detail: challenge.message, code: "not_found" }, 404);
  return c.json(challenge, 200);
}

/** The challenge the executor's GET answers: also written into the flow page, so its first one needs no request. */
export const flowCurrentChallenge = (c: Context<AppEnv>, slug: string, query: string) => runFlow(c, slug, query, currentChallenge);

/** Runs one step of the flow for the request's session; a failure becomes a flow-error challenge with a request ID. */
async function runFlow(c: Context<AppEnv>, slug: string, query: string, run: (request: FlowRequest) => Promise<ChallengeBody>) {
  const { db, observer } = c.get("deps");
  const request: FlowRequest = {
    db,
    session: c.get("session"),
    slug,
    query,
    // The csrf middleware has refused any Origin naming another host; GET requests often carry none.
    origin: c.req.header("origin") ?? new URL(c.req.url).origin,
  };
  let challenge: ChallengeBody;
  try {
    challenge = await run(request);
  } catch (err) {
    if (err instanceof FlowNotFound) return err;
    const requestId = randomUUID();
    console.error(`flow ${request.slug} failed (request ${requestId}):`, loggable(err));
    challenge = {
      component: "ak-stage-flow-error",
      request_id: requestId,
      error: "Something went wrong on the server. Try again, or contact your administrator with the request ID.",
      flow_info: { cancel_url: "/flows/-/cancel/", layout: "stacked" },
    };
  }
  observer?.challenge(challenge);
  return challenge;
}
