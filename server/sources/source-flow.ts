import { eq } from "drizzle-orm";
import type { Session } from "../auth/session.ts";
import type { Db } from "../db/client.ts";
import { flows } from "../db/schema.ts";
import type { SourceRow } from "../api/sources/source-models.ts";
import { appendInlineStage, type PlanContext } from "../flows/plan.ts";
import { FlowNonApplicable, planFlow } from "../flows/planner.ts";
import { alreadyConnected, saveConnection } from "./connections.ts";
import { handOver } from "./flow-handover.ts";
import { connectionKey } from "./source-context.ts";
import { SourceFailure } from "./source-failure.ts";
import type { SourceProfile } from "./source-profile.ts";
import { chooseAction } from "./user-matching.ts";

export interface SourceSignIn {
  source: SourceRow;
  profile: SourceProfile;
  /** Where to go once signed in, a path on this site. */
  next: string;
}

/**
 * Starts what a sign-in through a source leads to, as authentik's source flow manager does, and
 * returns where the browser goes: the source's authentication flow with the connected (or matched)
 * user pending, its enrollment flow with what the source said about the user as prompt data, or, for
 * a signed-in user, straight on after connecting the account to them. A flow ends by saving the
 * connection (an inline stage). Throws SourceFailure when the sign-in may not go on.
 */
export async function startSourceFlow(db: Db, session: Session, { source, profile, next }: SourceSignIn): Promise<string> {
  const action = await chooseAction(db, session, source, profile);
  const connection = { source: source.pk, identifier: profile.identifier };
  const context: PlanContext = { is_sso: true, source: source.pk, [connectionKey]: connection, prompt_data: { ...profile.properties }, redirect: next };
  switch (action.type) {
    case "link":
      if (!(await saveConnection(db, action.user, connection))) throw new SourceFailure(alreadyConnected);
      return next;
    case "authenticate":
      return planSourceFlow(db, session, source.authenticationFlow, "Configured flow does not exist.", { ...context, pending_user: action.user });
    case "enroll":
      return planSourceFlow(db, session, source.enrollmentFlow, "Source is not configured for enrollment.", {
        ...context,
        user_path: source.userPathTemplate.replaceAll("%(slug)s", source.slug),
      });
    case "deny":
      throw new SourceFailure(
        `Request to authenticate with ${source.name} has been denied. Please authenticate with the source you've previously signed up with.`,
      );
  }
}

async function planSourceFlow(db: Db, session: Session, flowPk: string | null, missing: string, context: PlanContext): Promise<string> {
  const [flow] = flowPk ? await db.select().from(flows).where(eq(flows.pk, flowPk)) : [];
  if (!flow) throw new SourceFailure(missing);
  try {
    const plan = await planFlow({ db, session }, flow, context);
    appendInlineStage(plan, { kind: "source_connection", name: "source-connection", config: {} });
    return handOver(session, flow, plan);
  } catch (error) {
    if (error instanceof FlowNonApplicable) throw new SourceFailure(error.message);
    throw error;
  }
}
