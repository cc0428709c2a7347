import { desc, eq } from "drizzle-orm";
import type { Db } from "../../server/db/client.ts";
import { emailOutbox, flowStageBindings, flows, prompts, stages } from "../../server/db/schema.ts";

export interface StageSeed {
  kind: string;
  config?: Record<string, unknown>;
  name?: string;
}

/** Creates a flow with the given stages bound in order, straight in the database. */
export async function createFlow(
  db: Db,
  slug: string,
  stageSeeds: StageSeed[],
  flow: { designation?: string; authentication?: string; title?: string } = {},
): Promise<string> {
  const [row] = await db
    .insert(flows)
    .values({ slug, name: slug, title: flow.title ?? slug, designation: flow.designation ?? "stage_configuration", authentication: flow.authentication ?? "none" })
    .returning();
  for (const [index, seed] of stageSeeds.entries()) {
    const [stage] = await db
      .insert(stages)
      .values({ name: seed.name ?? `${slug}-${index}-${seed.kind}`, kind: seed.kind, config: seed.config ?? {} })
      .returning();
    await db.insert(flowStageBindings).values({ target: row.pk, stage: stage.pk, order: (index + 1) * 10 });
  }
  return row.pk;
}

export type PromptInsert = Omit<typeof prompts.$inferInsert, "pk" | "name"> & { name?: string };

/** Creates prompts and returns their pks, for a prompt stage's `fields`. */
export async function createPrompts(db: Db, seeds: PromptInsert[]): Promise<string[]> {
  const rows = await db
    .insert(prompts)
    .values(seeds.map((seed, index) => ({ name: `prompt-${seed.fieldKey}-${index}-${Math.random().toString(36).slice(2)}`, order: index, ...seed })))
    .returning({ pk: prompts.pk });
  return rows.map((row) => row.pk);
}

/** The newest mail in the outbox for this address. */
export async function lastMailTo(db: Db, to: string) {
  const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.to, to)).orderBy(desc(emailOutbox.pk)).limit(1);
  return mail;
}

/** The flow link in a mail's text, split into what the executor API takes: the flow's slug and the page's query. */
export function flowLinkIn(text: string): { url: URL; slug: string; query: string } {
  const match = text.match(/https?:\/\/\S+\/if\/flow\/\S+/);
  if (!match) throw new Error(`No flow link in:\n${text}`);
  const url = new URL(match[0]);
  const slug = decodeURIComponent(url.pathname.split("/")[3]);
  return { url, slug, query: url.search.replace(/^\?/, "") };
}
