import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { invitations, users } from "../../server/db/schema.ts";
import { TestClient } from "../support/client.ts";
import { FlowTraffic } from "../support/flow-traffic.ts";
import { createFlow, createPrompts } from "../support/flows.ts";
import { signedInAdmin } from "../support/fresh.ts";

const slug = "invited-enrollment";

let database: Database;
let traffic: FlowTraffic;
let admin: TestClient;
let flowPk: string;

beforeEach(async () => {
  traffic = new FlowTraffic();
  ({ database, admin } = await signedInAdmin());
  const fields = await createPrompts(database.db, [
    { fieldKey: "username", label: "Username", type: "username", required: true },
    { fieldKey: "email", label: "Email", type: "email", required: true },
  ]);
  flowPk = await createFlow(
    database.db,
    slug,
    [{ kind: "invitation" }, { kind: "prompt", config: { fields } }, { kind: "user_write", config: { user_creation_mode: "always_create" } }],
    { designation: "enrollment", authentication: "require_unauthenticated" },
  );
  return () => database.close();
});

async function invite(body: Record<string, unknown>) {
  const response = await admin.request("/api/v3/stages/invitation/invitations/", { json: { name: "welcome", ...body } });
  expect(response.status).toBe(201);
  return response.json();
}

async function visitor() {
  const client = new TestClient(database, traffic);
  await client.request("/");
  return client;
}

const enroll = (client: TestClient, query: string, username: string) =>
  client.flow(slug, { component: "ak-stage-prompt", username, email: `${username}@example.com` }, query);

describe("invitation stage", () => {
  it("lets an invited visitor enroll, prefilled with the invitation's fixed data, and uses up a single-use invitation", async () => {
    const invitation = await invite({ single_use: true, fixed_data: { email: "invited@example.com", department: "R&D" } });
    const query = `itoken=${invitation.pk}`;
    const client = await visitor();
    const form = await client.flow(slug, undefined, query);
    expect(form.component).toBe("ak-stage-prompt");
    expect(form.fields.find((f: { field_key: string }) => f.field_key === "email").initial_value).toBe("invited@example.com");
    expect(await enroll(client, query, "invitee")).toMatchObject({ component: "xak-flow-redirect" });
    const [created] = await database.db.select().from(users).where(eq(users.username, "invitee"));
    expect(created.attributes).toEqual({ department: "R&D" });
    expect(await database.db.select().from(invitations)).toHaveLength(0);

    const late = await visitor();
    expect(await late.flow(slug, undefined, query)).toMatchObject({
      component: "ak-stage-access-denied",
      error_message: "This invitation is not valid. It may have expired or already been used.",
    });
    traffic.expectAuthentikShaped();
  });

  it("keeps a reusable invitation", async () => {
    const invitation = await invite({ single_use: false });
    for (const username of ["first", "second"]) {
      const client = await visitor();
      await client.flow(slug, undefined, `itoken=${invitation.pk}`);
      expect(await enroll(client, `itoken=${invitation.pk}`, username)).toMatchObject({ component: "xak-flow-redirect" });
    }
    expect(await database.db.select().from(invitations)).toHaveLength(1);
  });

  it("lets only one of two visitors holding the same single-use invitation enroll", async () => {
    const invitation = await invite({ single_use: true });
    const query = `itoken=${invitation.pk}`;
    const [one, two] = [await visitor(), await visitor()];
    await one.flow(slug, undefined, query);
    await two.flow(slug, undefined, query);
    expect(await enroll(one, query, "one")).toMatchObject({ component: "xak-flow-redirect" });
    expect(await enroll(two, query, "two")).toMatchObject({ component: "ak-stage-access-denied", error_message: "This invitation has already been used." });
    expect(await database.db.select().from(users).where(eq(users.username, "two"))).toHaveLength(0);
  });

  it("refuses no invitation, an expired one and one meant for another flow", async () => {
    expect(await (await visitor()).flow(slug)).toMatchObject({
      component: "ak-stage-access-denied",
      error_message: "You need an invitation to continue. Open the invitation link you were sent.",
    });
    const expired = await invite({ name: "expired", expires: new Date(Date.now() - 60_000).toISOString() });
    const elsewhere = await createFlow(database.db, "elsewhere", [{ kind: "dummy" }]);
    const otherFlow = await invite({ name: "other", flow: elsewhere });
    for (const query of ["", `itoken=${expired.pk}`, `itoken=${otherFlow.pk}`, "itoken=not-a-uuid"]) {
      const client = await visitor();
      expect((await client.flow(slug, undefined, query)).component, query).toBe("ak-stage-access-denied");
    }
    const restricted = await invite({ name: "here", flow: flowPk });
    expect((await (await visitor()).flow(slug, undefined, `itoken=${restricted.pk}`)).component).toBe("ak-stage-prompt");
  });

  it("goes on without an invitation when the stage allows it", async () => {
    await database.db.execute(`update ak_stage set config = '{"continue_flow_without_invitation": true}' where kind = 'invitation'`);
    expect((await (await visitor()).flow(slug)).component).toBe("ak-stage-prompt");
  });
});

describe("invitation admin API", () => {
  it("creates, lists, filters, updates and deletes invitations, naming their creator and flow", async () => {
    const created = await invite({ name: "team-2024", single_use: true, flow: flowPk, fixed_data: { group: "staff" } });
    expect(created).toMatchObject({
      name: "team-2024",
      single_use: true,
      expires: null,
      fixed_data: { group: "staff" },
      created_by: { username: "akadmin" },
      flow: flowPk,
      flow_obj: { slug },
    });
    const listed = await admin.json(`/api/v3/stages/invitation/invitations/?flow__slug=${slug}&created_by__username=akadmin`);
    expect(listed.results.map((i: { name: string }) => i.name)).toEqual(["team-2024"]);
    expect((await admin.json("/api/v3/stages/invitation/invitations/?flow__slug=nothing")).results).toEqual([]);
    const patched = await admin.json(`/api/v3/stages/invitation/invitations/${created.pk}/`, { method: "PATCH", json: { expires: "2030-01-01T00:00:00Z" } });
    expect(patched.expires).toBe("2030-01-01T00:00:00.000Z");
    expect((await admin.request(`/api/v3/stages/invitation/invitations/${created.pk}/`, { method: "DELETE" })).status).toBe(204);
    expect((await admin.request(`/api/v3/stages/invitation/invitations/${created.pk}/`)).status).toBe(404);
  });

  it("refuses a name that is not a slug and an unknown flow", async () => {
    const bad = await admin.request("/api/v3/stages/invitation/invitations/", { json: { name: "two words" } });
    expect(Object.keys(await bad.json())).toEqual(["name"]);
    const missing = "00000000-0000-4000-8000-000000000000";
    const unknown = await admin.request("/api/v3/stages/invitation/invitations/", { json: { name: "x", flow: missing } });
    expect(await unknown.json()).toEqual({ flow: [`Invalid pk "${missing}" - object does not exist.`] });
  });
});
