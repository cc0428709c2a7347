import type { Session } from "../auth/session.ts";
import type { Db } from "../db/client.ts";
import type { FlowRow } from "../api/flows/flow-models.ts";
import { flowUrl } from "./flow-info.ts";
import { safeNext } from "./next-url.ts";
import { pendingUser, pendingUserFields } from "./pending-user.ts";
import type { FlowPlan, PlanContext } from "./plan.ts";
import type { FlowNonApplicable } from "./planner.ts";
import type { Challenge } from "./stage.ts";

interface EndingRequest {
  db: Db;
  session: Session;
  slug: string;
  query: string;
}

const redirect = (to: string): Challenge => ({ component: "xak-flow-redirect", to });
const nextOf = (query: string) => new URLSearchParams(query).get("next");

/**
 * Where a finished flow goes: where a stage asked it to (`redirect` in the plan context, set only by
 * the server), else the page's `next` when it is a path on this site, else `/`.
 */
export function flowDone({ query }: { query: string }, plan?: FlowPlan): Challenge {
  const requested = plan?.context.redirect;
  return redirect(typeof requested === "string" && requested ? requested : safeNext(nextOf(query)));
}

/** The access-denied stage, naming the flow's user when there is one. */
export async function accessDenied(db: Db, session: Session, context: PlanContext, message: string): Promise<Challenge> {
  const user = context.pending_user !== undefined ? await pendingUser(db, context) : (session.user ?? undefined);
  return { component: "ak-stage-access-denied", ...pendingUserFields(user, context), error_message: message };
}

/**
 * The flow is not for this visitor. A signed-in user opening an authentication flow is simply done;
 * a signed-out visitor of a flow that needs a user signs in first and comes back. Otherwise the
 * flow's denied action decides: go on to `next` (or `/`), or show why.
 */
export async function nonApplicable(request: EndingRequest, flow: FlowRow, error: FlowNonApplicable): Promise<Challenge> {
  if (flow.designation === "authentication" && request.session.user) return flowDone(request);
  if (error.signInFirst) {
    return redirect(`/flows/-/default/authentication/?next=${encodeURIComponent(flowUrl(flow.slug, request.query))}`);
  }
  const next = safeNext(nextOf(request.query), "");
  if (next && (flow.deniedAction === "continue" || flow.deniedAction === "message_continue")) return redirect(next);
  if (flow.deniedAction === "continue") return redirect("/");
  return accessDenied(request.db, request.session, {}, error.message);
}
