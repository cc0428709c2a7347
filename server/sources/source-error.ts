import { eq } from "drizzle-orm";
import type { Session } from "../auth/session.ts";
import { brandFlowSlug, currentBrand } from "../brands.ts";
import type { Db } from "../db/client.ts";
import { flows } from "../db/schema.ts";
import { appendInlineStage, type FlowPlan } from "../flows/plan.ts";
import { handOver } from "./flow-handover.ts";

/**
 * Where the visitor reads why a sign-in through a source failed: an access-denied stage in the
 * brand's authentication flow, where sign-ins start, whose "Start over" signs in afresh. Undefined
 * when the brand has no authentication flow.
 */
export async function sourceErrorPage(db: Db, session: Session, host: string, message: string): Promise<string | undefined> {
  const brand = await currentBrand(db, host);
  const slug = brand && (await brandFlowSlug(db, brand.flowAuthentication));
  const [flow] = slug ? await db.select().from(flows).where(eq(flows.slug, slug)) : [];
  if (!flow) return undefined;
  const plan: FlowPlan = { flowPk: flow.pk, stages: [], index: 0, context: {} };
  appendInlineStage(plan, { kind: "deny", name: "source-failure", config: { deny_message: message } });
  return handOver(session, flow, plan);
}
