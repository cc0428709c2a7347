import { beforeEach, describe, expect, it } from "vitest";
import { TestClient } from "../support/client.ts";
import { signedInAdmin } from "../support/fresh.ts";
import type { Database } from "../../server/db/client.ts";
import { users } from "../../server/db/schema.ts";
import { hashPassword } from "../../server/auth/passwords.ts";

let database: Database;
let admin: TestClient;

beforeEach(async () => {
  ({ database, admin } = await signedInAdmin());
  return () => database.close();
});

const newFlow = { name: "Side door", slug: "side-door", title: "Side door", designation: "authentication", layout: "sidebar_left" };

describe("flow administration", () => {
  it("creates a flow, binds an existing stage to it, and runs it", async () => {
    const created = await admin.request("/api/v3/flows/instances/", { json: newFlow });
    expect(created.status).toBe(201);
    const flow = await created.json();
    expect(flow).toMatchObject({ slug: "side-door", layout: "sidebar_left", stages: [] });

    const defaultFlow = await admin.json("/api/v3/flows/instances/default-authentication-flow/");
    const bound = await admin.request("/api/v3/flows/bindings/", {
      json: { target: flow.pk, stage: defaultFlow.stages[0], order: 10 },
    });
    expect(bound.status).toBe(201);
    expect((await bound.json()).stage_obj).toMatchObject({ name: "default-authentication-identification" });

    const challenge = await new TestClient(database).flow("side-door");
    expect(challenge).toMatchObject({ component: "ak-stage-identification", flow_info: { layout: "sidebar_left", title: "Side door" } });
  });

  it("reports a taken slug and a clashing binding order at the field", async () => {
    const taken = await admin.request("/api/v3/flows/instances/", { json: { ...newFlow, slug: "default-authentication-flow" } });
    expect(taken.status).toBe(400);
    expect(await taken.json()).toEqual({ slug: ["Flow with this slug already exists."] });

    const defaultFlow = await admin.json("/api/v3/flows/instances/default-authentication-flow/");
    const clash = await admin.request("/api/v3/flows/bindings/", {
      json: { target: defaultFlow.pk, stage: defaultFlow.stages[0], order: 10 },
    });
    expect(clash.status).toBe(400);
    expect(Object.keys(await clash.json())).toEqual(["order"]);
  });

  it("changes a flow's layout and background", async () => {
    const patched = await admin.json("/api/v3/flows/instances/default-authentication-flow/", {
      method: "PATCH",
      json: { layout: "content_right" },
    });
    expect(patched.layout).toBe("content_right");
    const set = await admin.request("/api/v3/flows/instances/default-authentication-flow/set_background_url/", {
      json: { url: "/static/dist/brand/logo.svg" },
    });
    expect(set.status).toBe(200);
    const challenge = await new TestClient(database).flow("default-authentication-flow");
    expect(challenge.flow_info).toMatchObject({ layout: "content_right", background: "/static/dist/brand/logo.svg" });
  });

  it("refuses a background that is not https or a local path", async () => {
    const refused = await admin.request("/api/v3/flows/instances/default-authentication-flow/set_background_url/", {
      json: { url: "javascript:alert(1)" },
    });
    expect(refused.status).toBe(400);
    expect(Object.keys(await refused.json())).toEqual(["url"]);
  });

  it("is for superusers only", async () => {
    await database.db.insert(users).values({ username: "alice", name: "Alice", password: await hashPassword("alice-pass") });
    const alice = new TestClient(database);
    await alice.signIn("alice", "alice-pass");
    expect((await alice.request("/api/v3/flows/instances/", { json: newFlow })).status).toBe(403);
    expect((await alice.request("/api/v3/admin/version/")).status).toBe(403);
    expect((await alice.request("/api/v3/core/users/me/")).status).toBe(200);
  });
});
