import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.ts";
import { TestClient } from "../support/client.ts";
import { adminPassword } from "../support/constants.ts";
import { createUser } from "../support/directory.ts";
import { createFlow } from "../support/flows.ts";
import { signedInAdmin } from "../support/fresh.ts";

let database: Database;
let admin: TestClient;

beforeEach(async () => {
  ({ database, admin } = await signedInAdmin());
  await createFlow(
    database.db,
    "inspected",
    [
      { kind: "identification", config: { user_fields: ["username"] }, name: "inspected-identification" },
      { kind: "password", config: {}, name: "inspected-password" },
    ],
    { designation: "authentication" },
  );
  return () => database.close();
});

const inspect = () => admin.request("/api/v3/flows/inspector/inspected/");
const stageName = (plan: { current_stage: { stage_obj: { name: string } } }) => plan.current_stage.stage_obj.name;

describe("flow inspector", () => {
  it("shows the current plan, its next stage and context, and the plans passed so far, until the flow is done", async () => {
    expect((await inspect()).status).toBe(400);

    await admin.flow("inspected");
    const started = await (await inspect()).json();
    expect(started.is_completed).toBe(false);
    expect(started.plans).toEqual([]);
    expect(stageName(started.current_plan)).toBe("inspected-identification");
    expect(started.current_plan.next_planned_stage.stage_obj.name).toBe("inspected-password");
    expect(started.current_plan.session_id).toMatch(/^[0-9a-f]{64}$/);

    await admin.flow("inspected", { component: "ak-stage-identification", uid_field: "akadmin" });
    const identified = await (await inspect()).json();
    expect(identified.plans.map(stageName)).toEqual(["inspected-identification"]);
    expect(stageName(identified.current_plan)).toBe("inspected-password");
    expect(identified.current_plan.next_planned_stage).toBeUndefined();
    expect(identified.current_plan.plan_context).toMatchObject({
      pending_user: { app: "authentik_core", model_name: "user", name: "akadmin" },
    });

    await admin.flow("inspected", { component: "ak-stage-password", password: "wrong" });
    const failed = await (await inspect()).json();
    expect(failed.current_plan.plan_context.password_failures).toBe("********************");

    await admin.flow("inspected", { component: "ak-stage-password", password: adminPassword });
    const done = await (await inspect()).json();
    expect(done.is_completed).toBe(true);
    expect(done.plans.map(stageName)).toEqual(["inspected-identification", "inspected-password"]);
    expect(stageName(done.current_plan)).toBe("inspected-password");

    // A new run starts a new history.
    await admin.flow("inspected");
    expect((await (await inspect()).json()).plans).toEqual([]);
  });

  it("is for superusers only, and knows only existing flows", async () => {
    await createUser(admin, { username: "gina" }, "gina-pass");
    const gina = new TestClient(database);
    await gina.signIn("gina", "gina-pass");
    await gina.flow("inspected");
    expect((await gina.request("/api/v3/flows/inspector/inspected/")).status).toBe(403);
    expect((await new TestClient(database).request("/api/v3/flows/inspector/inspected/")).status).toBe(403);
    expect((await admin.request("/api/v3/flows/inspector/no-such-flow/")).status).toBe(404);
  });
});
