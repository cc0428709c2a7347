import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { TestClient } from "../support/client.ts";
import { createGroup, createUser } from "../support/directory.ts";
import { createFlow } from "../support/flows.ts";
import { signedInAdmin } from "../support/fresh.ts";

let database: Database;
let admin: TestClient;
let flowPk: string;

beforeEach(async () => {
  ({ database, admin } = await signedInAdmin());
  flowPk = await createFlow(database.db, "bindable", [{ kind: "identification", config: { user_fields: ["username"] } }]);
  return () => database.close();
});

const createDummy = async (body: Record<string, unknown>) => admin.request("/api/v3/policies/dummy/", { json: body });

describe("dummy policies", () => {
  it("are created with authentik's defaults, listed, changed and deleted", async () => {
    const created = await createDummy({ name: "always-no" });
    expect(created.status).toBe(201);
    const policy = await created.json();
    expect(policy).toMatchObject({
      name: "always-no",
      result: false,
      wait_min: 5,
      wait_max: 30,
      bound_to: 0,
      component: "ak-policy-dummy-form",
      verbose_name: "Dummy Policy",
      meta_model_name: "authentik_policies_dummy.dummypolicy",
    });
    expect((await createDummy({ name: "always-no" })).status).toBe(400);

    const list = await admin.json("/api/v3/policies/dummy/?search=always");
    expect(list.results.map((p: { name: string }) => p.name)).toEqual(["always-no"]);

    const patched = await admin.json(`/api/v3/policies/dummy/${policy.pk}/`, { method: "PATCH", json: { result: true, wait_max: 0, wait_min: 0 } });
    expect(patched).toMatchObject({ name: "always-no", result: true, wait_min: 0, wait_max: 0 });
    const replaced = await admin.json(`/api/v3/policies/dummy/${policy.pk}/`, { method: "PUT", json: { name: "always-yes", result: true } });
    expect(replaced).toMatchObject({ name: "always-yes", result: true });

    expect((await admin.request(`/api/v3/policies/dummy/${policy.pk}/`, { method: "DELETE" })).status).toBe(204);
    expect((await admin.request(`/api/v3/policies/dummy/${policy.pk}/`)).status).toBe(404);
  });
});

describe("policy bindings", () => {
  it("bind a policy, a group or a user to a flow, showing what they bind", async () => {
    const policy = await (await createDummy({ name: "p", wait_min: 0, wait_max: 0 })).json();
    const group = await createGroup(admin, { name: "Staff" });
    const user = await createUser(admin, { username: "erin" });
    const bind = (body: Record<string, unknown>) => admin.request("/api/v3/policies/bindings/", { json: { target: flowPk, order: 0, ...body } });

    const byPolicy = await bind({ policy: policy.pk, negate: true, timeout: 5, failure_result: true });
    expect(byPolicy.status).toBe(201);
    expect(await byPolicy.json()).toMatchObject({
      target: flowPk,
      policy: policy.pk,
      group: null,
      user: null,
      policy_obj: { name: "p", bound_to: 1 },
      negate: true,
      enabled: true,
      timeout: 5,
      failure_result: true,
    });
    expect(await (await bind({ group: group.pk, order: 1 })).json()).toMatchObject({ group_obj: { name: "Staff" }, timeout: 30, negate: false });
    expect(await (await bind({ user: user.pk, order: 2 })).json()).toMatchObject({ user_obj: { username: "erin" } });

    const list = await admin.json(`/api/v3/policies/bindings/?target=${flowPk}`);
    expect(list.results.map((b: { order: number }) => b.order)).toEqual([0, 1, 2]);
    expect((await admin.json(`/api/v3/policies/bindings/?policy__isnull=true&target_in=${flowPk}`)).pagination.count).toBe(2);
    expect((await admin.json(`/api/v3/policies/dummy/${policy.pk}/`)).bound_to).toBe(1);
  });

  it("need exactly one of policy, group and user, and a target that exists", async () => {
    const group = await createGroup(admin, { name: "Staff" });
    const user = await createUser(admin, { username: "erin" });
    const bind = async (body: Record<string, unknown>) => {
      const response = await admin.request("/api/v3/policies/bindings/", { json: { target: flowPk, order: 0, ...body } });
      expect(response.status).toBe(400);
      return response.json();
    };
    expect(await bind({})).toEqual({ non_field_errors: ["One of 'policy', 'group', 'user' must be set."] });
    expect(await bind({ group: group.pk, user: user.pk })).toEqual({ non_field_errors: ["Only one of 'policy', 'group', 'user' can be set."] });
    const nowhere = "00000000-0000-4000-8000-000000000000";
    expect(await bind({ group: group.pk, target: nowhere })).toEqual({ target: [`Invalid pk "${nowhere}" - object does not exist.`] });
    expect(await bind({ group: nowhere })).toEqual({ group: [`Invalid pk "${nowhere}" - object does not exist.`] });
  });

  it("are changed in part or in full, and deleted", async () => {
    const group = await createGroup(admin, { name: "Staff" });
    const user = await createUser(admin, { username: "erin" });
    const binding = await (await admin.request("/api/v3/policies/bindings/", { json: { target: flowPk, order: 0, group: group.pk } })).json();
    const path = `/api/v3/policies/bindings/${binding.pk}/`;

    expect(await admin.json(path, { method: "PATCH", json: { enabled: false, order: 7 } })).toMatchObject({ enabled: false, order: 7, group: group.pk });
    const swapped = await admin.json(path, { method: "PUT", json: { target: flowPk, order: 3, user: user.pk } });
    expect(swapped).toMatchObject({ order: 3, user: user.pk, group: null });
    const clash = await admin.request(path, { method: "PATCH", json: { group: group.pk } });
    expect(await clash.json()).toEqual({ non_field_errors: ["Only one of 'policy', 'group', 'user' can be set."] });

    expect((await admin.request(path, { method: "DELETE" })).status).toBe(204);
    expect((await admin.request(path)).status).toBe(404);
  });

  it("go with the flow stage binding they are bound to", async () => {
    const [binding] = (await admin.json(`/api/v3/flows/bindings/?target=${flowPk}`)).results;
    const group = await createGroup(admin, { name: "Staff" });
    await admin.request("/api/v3/policies/bindings/", { json: { target: binding.pk, order: 0, group: group.pk } });
    expect((await admin.json(`/api/v3/policies/bindings/?target=${binding.pk}`)).pagination.count).toBe(1);
    expect((await admin.request(`/api/v3/flows/bindings/${binding.pk}/`, { method: "DELETE" })).status).toBe(204);
    expect((await admin.json(`/api/v3/policies/bindings/?target=${binding.pk}`)).pagination.count).toBe(0);
  });

  it("are for superusers only", async () => {
    await createUser(admin, { username: "erin" }, "erin-pass");
    const erin = new TestClient(database);
    await erin.signIn("erin", "erin-pass");
    expect((await erin.request("/api/v3/policies/bindings/")).status).toBe(403);
    expect((await erin.request("/api/v3/policies/dummy/", { json: { name: "x" } })).status).toBe(403);
    expect((await erin.request("/api/v3/flows/bindings/")).status).toBe(403);
  });
});

describe("flow stage bindings", () => {
  it("are listed by flow, changed and deleted, with their policy settings", async () => {
    const list = await admin.json(`/api/v3/flows/bindings/?target=${flowPk}`);
    expect(list.pagination.count).toBe(1);
    const [binding] = list.results;
    expect(binding).toMatchObject({
      target: flowPk,
      order: 10,
      evaluate_on_plan: false,
      re_evaluate_policies: true,
      policy_engine_mode: "any",
      invalid_response_action: "retry",
      stage_obj: { component: "ak-stage-identification-form" },
    });
    const path = `/api/v3/flows/bindings/${binding.pk}/`;
    const patched = await admin.json(path, { method: "PATCH", json: { evaluate_on_plan: true, invalid_response_action: "restart", policy_engine_mode: "all" } });
    expect(patched).toMatchObject({ evaluate_on_plan: true, invalid_response_action: "restart", policy_engine_mode: "all", order: 10 });
    const replaced = await admin.json(path, { method: "PUT", json: { target: flowPk, stage: binding.stage, order: 20 } });
    expect(replaced).toMatchObject({ order: 20, evaluate_on_plan: true });
    expect((await admin.json(`/api/v3/flows/bindings/?target=${flowPk}&invalid_response_action=restart`)).pagination.count).toBe(1);

    const bad = await admin.request(path, { method: "PATCH", json: { invalid_response_action: "shrug" } });
    expect(bad.status).toBe(400);
    expect((await admin.request(path, { method: "DELETE" })).status).toBe(204);
    expect((await admin.json(`/api/v3/flows/instances/bindable/`)).stages).toEqual([]);
  });
});
