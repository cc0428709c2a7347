import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { flowStageBindings, flows } from "../../server/db/schema.ts";
import { TestClient } from "../support/client.ts";
import { adminPassword } from "../support/constants.ts";
import { createGroup, createUser } from "../support/directory.ts";
import { FlowTraffic } from "../support/flow-traffic.ts";
import { createFlow } from "../support/flows.ts";
import { signedInAdmin } from "../support/fresh.ts";

let database: Database;
let admin: TestClient;
let traffic: FlowTraffic;

beforeEach(async () => {
  ({ database, admin } = await signedInAdmin());
  traffic = new FlowTraffic();
  return () => database.close();
});

const visitor = () => new TestClient(database, traffic);
const identify = (uid_field: string) => ({ component: "ak-stage-identification", uid_field });

/** A flow that identifies the visitor (anyone, known or not), then asks for a password. */
async function gatedFlow(slug = "gated") {
  const flowPk = await createFlow(
    database.db,
    slug,
    [
      { kind: "identification", config: { user_fields: ["username"] } },
      { kind: "password", config: {} },
    ],
    { designation: "authentication" },
  );
  const bindings = await database.db.select().from(flowStageBindings).where(eq(flowStageBindings.target, flowPk)).orderBy(asc(flowStageBindings.order));
  return { flowPk, identification: bindings[0].pk, password: bindings[1].pk };
}

async function bindPolicy(body: Record<string, unknown>) {
  const response = await admin.request("/api/v3/policies/bindings/", { json: { order: 0, ...body } });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return response.json();
}

async function dummyPolicy(result: boolean, wait = 0) {
  const response = await admin.request("/api/v3/policies/dummy/", { json: { name: `dummy-${result}-${wait}-${Math.random()}`, result, wait_min: wait, wait_max: wait } });
  expect(response.status).toBe(201);
  return response.json();
}

describe("stage bindings with policies", () => {
  it("runs a stage bound to a group only for members of that group (re-evaluated when the stage comes up)", async () => {
    const { password } = await gatedFlow();
    const staff = await createGroup(admin, { name: "Staff" });
    await createUser(admin, { username: "alice", groups: [staff.pk] }, "alice-pass");
    await createUser(admin, { username: "bob" }, "bob-pass");
    await bindPolicy({ target: password, group: staff.pk });

    const alice = visitor();
    await alice.flow("gated");
    expect(await alice.flow("gated", identify("alice"))).toMatchObject({ component: "ak-stage-password", pending_user: "alice" });

    const bob = visitor();
    await bob.flow("gated");
    expect(await bob.flow("gated", identify("bob"), "next=%2Fdone%2F")).toMatchObject({ component: "xak-flow-redirect", to: "/done/" });
    traffic.expectAuthentikShaped();
  });

  it("negates a binding: the stage runs for everyone but the group's members", async () => {
    const { password } = await gatedFlow();
    const staff = await createGroup(admin, { name: "Staff" });
    await createUser(admin, { username: "alice", groups: [staff.pk] });
    await bindPolicy({ target: password, group: staff.pk, negate: true });

    const alice = visitor();
    await alice.flow("gated");
    expect(await alice.flow("gated", identify("alice"))).toMatchObject({ component: "xak-flow-redirect" });
    const stranger = visitor();
    await stranger.flow("gated");
    expect(await stranger.flow("gated", identify("nobody"))).toMatchObject({ component: "ak-stage-password" });
  });

  it("counts members of a child group as members of its parent", async () => {
    const { password } = await gatedFlow();
    const staff = await createGroup(admin, { name: "Staff" });
    const nurses = await createGroup(admin, { name: "Nurses", parent: staff.pk });
    await createUser(admin, { username: "carol", groups: [nurses.pk] });
    await bindPolicy({ target: password, group: staff.pk });
    const carol = visitor();
    await carol.flow("gated");
    expect(await carol.flow("gated", identify("carol"))).toMatchObject({ component: "ak-stage-password" });
  });

  it("evaluates on plan for the visitor as they start, and leaves a failing stage out of the plan", async () => {
    const { password } = await gatedFlow();
    await database.db.update(flowStageBindings).set({ evaluateOnPlan: true, reEvaluatePolicies: false }).where(eq(flowStageBindings.pk, password));
    const [akadmin] = (await admin.json("/api/v3/core/users/?username=akadmin")).results;
    await bindPolicy({ target: password, user: akadmin.pk });

    // Planned for a signed-out visitor: the user binding fails, and naming akadmin later changes nothing.
    const anonymous = visitor();
    await anonymous.flow("gated");
    expect(await anonymous.flow("gated", identify("akadmin"))).toMatchObject({ component: "xak-flow-redirect" });

    // Planned for akadmin, signed in: the stage is in the plan.
    await admin.flow("gated");
    expect(await admin.flow("gated", identify("akadmin"))).toMatchObject({ component: "ak-stage-password" });
  });

  it("never evaluates a binding's policies when neither evaluation is asked for", async () => {
    const { password } = await gatedFlow();
    await database.db.update(flowStageBindings).set({ evaluateOnPlan: false, reEvaluatePolicies: false }).where(eq(flowStageBindings.pk, password));
    await bindPolicy({ target: password, policy: (await dummyPolicy(false)).pk });
    const client = visitor();
    await client.flow("gated");
    expect(await client.flow("gated", identify("anyone"))).toMatchObject({ component: "ak-stage-password" });
  });

  it("combines several bindings as the stage binding's engine mode says", async () => {
    const { password } = await gatedFlow();
    await bindPolicy({ target: password, policy: (await dummyPolicy(true)).pk, order: 1 });
    await bindPolicy({ target: password, policy: (await dummyPolicy(false)).pk, order: 2 });
    const reach = async () => {
      const client = visitor();
      await client.flow("gated");
      return (await client.flow("gated", identify("anyone"))).component;
    };
    expect(await reach()).toBe("ak-stage-password"); // "any" (the default): one passing policy is enough
    await admin.request(`/api/v3/flows/bindings/${password}/`, { method: "PATCH", json: { policy_engine_mode: "all" } });
    expect(await reach()).toBe("xak-flow-redirect");
  });

  it("gives a policy that outlasts its binding's timeout the binding's failure result", async () => {
    const { password } = await gatedFlow();
    const slow = await dummyPolicy(false, 3);
    await bindPolicy({ target: password, policy: slow.pk, timeout: 1, failure_result: true });
    const client = visitor();
    await client.flow("gated");
    expect(await client.flow("gated", identify("anyone"))).toMatchObject({ component: "ak-stage-password" });
  });
});

describe("who may run a flow", () => {
  it("denies a flow whose own policies fail, with their messages, as its denied action says", async () => {
    const { flowPk } = await gatedFlow();
    await bindPolicy({ target: flowPk, policy: (await dummyPolicy(false)).pk });

    await database.db.update(flows).set({ deniedAction: "message" }).where(eq(flows.pk, flowPk));
    expect(await visitor().flow("gated", undefined, "next=%2Fif%2Fuser%2F")).toMatchObject({
      component: "ak-stage-access-denied",
      error_message: "dummy",
    });

    await database.db.update(flows).set({ deniedAction: "message_continue" }).where(eq(flows.pk, flowPk));
    expect(await visitor().flow("gated", undefined, "next=%2Fif%2Fuser%2F")).toMatchObject({ component: "xak-flow-redirect", to: "/if/user/" });
    expect(await visitor().flow("gated")).toMatchObject({ component: "ak-stage-access-denied", error_message: "dummy" });

    await database.db.update(flows).set({ deniedAction: "continue" }).where(eq(flows.pk, flowPk));
    expect(await visitor().flow("gated")).toMatchObject({ component: "xak-flow-redirect", to: "/" });
    traffic.expectAuthentikShaped();
  });

  it("sends a signed-out visitor of a flow that requires a user to sign in, and back to the flow after", async () => {
    await gatedFlow();
    await database.db.update(flows).set({ authentication: "require_authenticated", designation: "stage_configuration" }).where(eq(flows.slug, "gated"));
    const client = visitor();
    const redirect = await client.flow("gated", undefined, "next=%2Fif%2Fuser%2F");
    const back = `/if/flow/gated/?next=${encodeURIComponent("/if/user/")}`;
    expect(redirect).toEqual(expect.objectContaining({ component: "xak-flow-redirect", to: `/flows/-/default/authentication/?next=${encodeURIComponent(back)}` }));

    await client.flow("default-authentication-flow", undefined, `next=${encodeURIComponent(back)}`);
    await client.flow("default-authentication-flow", identify("akadmin"), `next=${encodeURIComponent(back)}`);
    const signedIn = await client.flow("default-authentication-flow", { component: "ak-stage-password", password: adminPassword }, `next=${encodeURIComponent(back)}`);
    expect(signedIn).toMatchObject({ component: "xak-flow-redirect", to: back });
    expect(await client.flow("gated", undefined, "next=%2Fif%2Fuser%2F")).toMatchObject({ component: "ak-stage-identification" });
  });

  it("keeps flows for signed-out visitors, administrators, redirects and outposts to those", async () => {
    await gatedFlow();
    const set = (authentication: string) => database.db.update(flows).set({ authentication, designation: "enrollment" }).where(eq(flows.slug, "gated"));
    await createUser(admin, { username: "dora" }, "dora-pass");
    const dora = visitor();
    await dora.signIn("dora", "dora-pass");

    await set("require_unauthenticated");
    expect(await dora.flow("gated")).toMatchObject({ component: "ak-stage-access-denied", error_message: "You are already signed in. Sign out first to use this flow." });
    expect(await visitor().flow("gated")).toMatchObject({ component: "ak-stage-identification" });

    await set("require_superuser");
    expect(await dora.flow("gated")).toMatchObject({ component: "ak-stage-access-denied", error_message: "This flow is for administrators only." });
    expect(await admin.flow("gated")).toMatchObject({ component: "ak-stage-identification" });

    await set("require_redirect");
    expect(await visitor().flow("gated")).toMatchObject({ component: "ak-stage-access-denied", error_message: "This flow can only be reached from another flow." });

    await set("require_outpost");
    expect(await visitor().flow("gated")).toMatchObject({ component: "ak-stage-access-denied", error_message: "This flow can only be used through an outpost." });
    traffic.expectAuthentikShaped();
  });

  it("lets a signed-in user through an authentication flow they may not run, to where they were going", async () => {
    await gatedFlow();
    await database.db.update(flows).set({ authentication: "require_unauthenticated" }).where(eq(flows.slug, "gated"));
    expect(await admin.flow("gated", undefined, "next=%2Fif%2Fadmin%2F")).toMatchObject({ component: "xak-flow-redirect", to: "/if/admin/" });
  });
});

describe("cancelling", () => {
  it("clears the plan and goes back to the flow named by next, or to signing in", async () => {
    await gatedFlow();
    const client = visitor();
    await client.flow("gated");
    expect(await client.flow("gated", identify("someone"))).toMatchObject({ component: "ak-stage-password" });

    const cancel = await client.request(`/flows/-/cancel/?next=${encodeURIComponent("/if/flow/gated/?next=%2F")}`);
    expect(cancel.status).toBe(302);
    expect(cancel.headers.get("location")).toBe("/if/flow/gated/?next=%2F");
    expect(await client.flow("gated")).toMatchObject({ component: "ak-stage-identification" });

    const elsewhere = await client.request(`/flows/-/cancel/?next=${encodeURIComponent("https://evil.example/")}`);
    expect(elsewhere.headers.get("location")).toBe("/flows/-/default/authentication/");
  });

  it("names the flow itself, with its query, as the cancel URL of every challenge", async () => {
    await gatedFlow();
    const challenge = await visitor().flow("gated", undefined, "next=%2Fif%2Fuser%2F");
    expect(challenge.flow_info.cancel_url).toBe(`/flows/-/cancel/?next=${encodeURIComponent("/if/flow/gated/?next=%2Fif%2Fuser%2F")}`);
  });
});
