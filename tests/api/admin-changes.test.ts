import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { onAdminChange, type AdminChange } from "../../server/audit/changes.ts";
import type { Database } from "../../server/db/client.ts";
import { applications, flowTokens, flows } from "../../server/db/schema.ts";
import type { TestClient } from "../support/client.ts";
import { createUser } from "../support/directory.ts";
import { signedInAdmin } from "../support/fresh.ts";

let database: Database;
let admin: TestClient;
let changes: AdminChange[];
let actor: { pk: number; username: string };

beforeEach(async () => {
  ({ database, admin } = await signedInAdmin());
  const me = (await admin.json("/api/v3/core/users/me/")).user;
  actor = { pk: me.pk, username: "akadmin" };
  changes = [];
  const stop = onAdminChange((change) => void changes.push(change));
  return () => {
    stop();
    return database.close();
  };
});

const flowsUrl = "/api/v3/flows/instances/";
const sideDoor = { name: "Side door", slug: "side-door", title: "Side door", designation: "authentication" };

describe("the admin change hook, beyond the directory", () => {
  it("reports who created and changed which flow, its background included", async () => {
    const created = await admin.request(flowsUrl, { json: sideDoor });
    expect(created.status).toBe(201);
    const flow = await created.json();
    const patched = await admin.request(`${flowsUrl}side-door/`, { method: "PATCH", json: { name: "Back door" } });
    expect(patched.status).toBe(200);
    const background = await admin.request(`${flowsUrl}side-door/set_background_url/`, { json: { url: "/static/door.jpg" } });
    expect(background.status).toBe(200);

    const model = (name: string) => ({ app: "authentik_flows", model_name: "flow", pk: flow.pk, name });
    expect(changes).toEqual([
      { action: "model_created", model: model("Side door"), actor },
      { action: "model_updated", model: model("Back door"), actor },
      { action: "model_updated", model: model("Back door"), actor },
    ]);
  });

  it("reports an empty flow patch as an update that changes nothing", async () => {
    const patched = await admin.request(`${flowsUrl}default-authentication-flow/`, { method: "PATCH", json: {} });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ slug: "default-authentication-flow" });
    expect(changes).toMatchObject([{ action: "model_updated", model: { model_name: "flow" }, actor }]);
  });

  it("reports who created which application", async () => {
    const created = await admin.request("/api/v3/core/applications/", { json: { name: "Team wiki", slug: "team-wiki" } });
    expect(created.status).toBe(201);
    const { pk } = await created.json();
    expect(changes).toEqual([{ action: "model_created", model: { app: "authentik_core", model_name: "application", pk, name: "Team wiki" }, actor }]);
  });

  it("reports a recovery link as the flow token it creates, without its key", async () => {
    const user = await createUser(admin, { username: "alice", name: "Alice" });
    changes = [];
    const response = await admin.request(`/api/v3/core/users/${user.pk}/recovery/`, { method: "POST" });
    expect(response.status).toBe(200);
    const key = new URL((await response.json()).link).searchParams.get("flow_token");
    const [token] = await database.db.select().from(flowTokens);
    expect(changes).toEqual([
      {
        action: "model_created",
        model: { app: "authentik_flows", model_name: "flowtoken", pk: token.keyHash, name: "Recovery link for alice" },
        actor,
      },
    ]);
    expect(JSON.stringify(changes)).not.toContain(key);
  });

  it("reports nothing for a refused change", async () => {
    expect((await admin.request(flowsUrl, { json: { ...sideDoor, slug: "default-authentication-flow" } })).status).toBe(400);
    expect((await admin.request(`${flowsUrl}default-authentication-flow/set_background_url/`, { json: { url: "javascript:alert(1)" } })).status).toBe(400);
    expect((await admin.request("/api/v3/core/applications/", { json: { name: "", slug: "bad slug" } })).status).toBe(400);
    expect(changes).toEqual([]);
  });

  it("writes flows and applications in the listener's transaction, so a failing listener undoes them", async () => {
    const refuse = onAdminChange(() => {
      throw new Error("audit log unavailable");
    });
    try {
      expect((await admin.request(flowsUrl, { json: sideDoor })).status).toBe(500);
      expect((await admin.request("/api/v3/core/applications/", { json: { name: "Team wiki", slug: "team-wiki" } })).status).toBe(500);
    } finally {
      refuse();
    }
    const sideDoors = await database.db.select().from(flows).where(eq(flows.slug, "side-door"));
    expect(sideDoors).toEqual([]);
    expect(await database.db.select().from(applications)).toEqual([]);
  });
});
