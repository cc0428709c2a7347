import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { bootstrap } from "../../server/db/bootstrap.ts";
import { flowStageBindings, flows, groupMembers, groups, prompts, stages, users } from "../../server/db/schema.ts";
import type { TestClient } from "../support/client.ts";
import { adminPassword } from "../support/constants.ts";
import type { FlowTraffic } from "../support/flow-traffic.ts";
import { createFlow, createPrompts } from "../support/flows.ts";
import { recordedVisitor } from "../support/fresh.ts";

let database: Database;
let traffic: FlowTraffic;
let client: TestClient;

beforeEach(async () => {
  ({ database, traffic, client } = await recordedVisitor());
  await client.request("/");
  return () => database.close();
});

async function signUpFlow(slug: string, userWrite: Record<string, unknown>) {
  const fields = await createPrompts(database.db, [
    { fieldKey: "username", label: "Username", type: "username", required: true },
    { fieldKey: "is_superuser", label: "Admin?", type: "checkbox", required: false },
  ]);
  await createFlow(database.db, slug, [{ kind: "prompt", config: { fields } }, { kind: "user_write", config: userWrite }]);
}

describe("user write stage", () => {
  it("creates the user with the stage's type, path and group, and nothing a prompt claims beyond that", async () => {
    const [staff] = await database.db.insert(groups).values({ name: "staff" }).returning();
    await signUpFlow("staff-signup", { user_creation_mode: "always_create", user_type: "internal", user_path_template: "users/staff", create_users_group: staff.pk });
    await client.flow("staff-signup");
    expect(await client.flow("staff-signup", { component: "ak-stage-prompt", username: "sam", is_superuser: true })).toMatchObject({
      component: "xak-flow-redirect",
    });
    const [sam] = await database.db.select().from(users).where(eq(users.username, "sam"));
    expect(sam).toMatchObject({ type: "internal", path: "users/staff", isActive: true, password: null, attributes: {} });
    expect(await database.db.select().from(groupMembers).where(eq(groupMembers.user, sam.pk))).toEqual([{ group: staff.pk, user: sam.pk }]);
    traffic.expectAuthentikShaped();
  });

  it("with never_create and no user in the flow, denies instead of creating one", async () => {
    await signUpFlow("update-only", { user_creation_mode: "never_create" });
    await client.flow("update-only");
    const denied = await client.flow("update-only", { component: "ak-stage-prompt", username: "ghost" });
    expect(denied).toMatchObject({ component: "ak-stage-access-denied" });
    expect(await database.db.select().from(users).where(eq(users.username, "ghost"))).toHaveLength(0);
    traffic.expectAuthentikShaped();
  });

  it("updates the signed-in user when the flow has no other", async () => {
    await signUpFlow("rename", { user_creation_mode: "create_when_required" });
    await client.signIn("akadmin", adminPassword);
    await client.flow("rename");
    await client.flow("rename", { component: "ak-stage-prompt", username: "root" });
    expect((await client.json("/api/v3/core/users/me/")).user.username).toBe("root");
    expect(await database.db.select({ n: count() }).from(users)).toEqual([{ n: 1 }]);
  });
});

describe("bootstrap", () => {
  it("adds the enrollment, recovery, consent and user settings flows once, however often it runs", async () => {
    const tally = async () => ({
      flows: (await database.db.select({ n: count() }).from(flows))[0].n,
      stages: (await database.db.select({ n: count() }).from(stages))[0].n,
      bindings: (await database.db.select({ n: count() }).from(flowStageBindings))[0].n,
      prompts: (await database.db.select({ n: count() }).from(prompts))[0].n,
    });
    const before = await tally();
    await bootstrap(database.db, { password: adminPassword });
    await bootstrap(database.db, { password: adminPassword });
    expect(await tally()).toEqual(before);
    const slugs = (await database.db.select({ slug: flows.slug }).from(flows)).map((f) => f.slug);
    expect(slugs).toEqual(
      expect.arrayContaining([
        "default-enrollment-flow",
        "default-recovery-flow",
        "default-provider-authorization-explicit-consent",
        "default-user-settings-flow",
      ]),
    );
  });
});
