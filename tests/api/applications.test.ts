import { beforeEach, describe, expect, it } from "vitest";
import { TestClient } from "../support/client.ts";
import { signedInAdmin } from "../support/fresh.ts";
import type { Database } from "../../server/db/client.ts";

let database: Database;
let admin: TestClient;

beforeEach(async () => {
  ({ database, admin } = await signedInAdmin());
  return () => database.close();
});

const wiki = { name: "Team wiki", slug: "team-wiki", meta_launch_url: "https://wiki.example.org/", group: "Docs" };

describe("applications", () => {
  it("creates an application that signed-in users then see in the list with its launch URL", async () => {
    const created = await admin.request("/api/v3/core/applications/", { json: wiki });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ slug: "team-wiki", launch_url: "https://wiki.example.org/", group: "Docs" });

    const list = await admin.json("/api/v3/core/applications/?search=wiki");
    expect(list.pagination.count).toBe(1);
    expect(list.results[0]).toMatchObject({ name: "Team wiki", launch_url: "https://wiki.example.org/" });
  });

  it("reports a taken slug, a bad slug and a non-http launch URL at their fields", async () => {
    await admin.request("/api/v3/core/applications/", { json: wiki });
    const taken = await admin.request("/api/v3/core/applications/", { json: wiki });
    expect(taken.status).toBe(400);
    expect(await taken.json()).toEqual({ slug: ["Application with this slug already exists."] });

    const bad = await admin.request("/api/v3/core/applications/", {
      json: { name: "Bad", slug: "has spaces", meta_launch_url: "javascript:alert(1)" },
    });
    expect(bad.status).toBe(400);
    const errors = await bad.json();
    expect(Object.keys(errors).sort()).toEqual(["meta_launch_url", "slug"]);
    expect(errors.meta_launch_url).toEqual(["Enter a valid URL."]);
  });

  it("is refused to signed-out visitors", async () => {
    const visitor = new TestClient(database);
    await visitor.request("/");
    expect((await visitor.request("/api/v3/core/applications/", { json: wiki })).status).toBe(403);
    expect((await visitor.request("/api/v3/core/applications/")).status).toBe(403);
  });
});
