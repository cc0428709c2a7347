import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { brands, flows } from "../../server/db/schema.ts";
import { TestClient } from "../support/client.ts";
import { testDatabase } from "../support/database.ts";

describe("GET /core/brands/current/", () => {
  it("names the brand's flows by slug, and leaves out a flow that is not set", async () => {
    const database = await testDatabase();
    const [recovery] = await database.db.select().from(flows).where(eq(flows.slug, "default-recovery-flow"));
    await database.db.update(brands).set({ flowRecovery: recovery.pk, flowUserSettings: null });
    const response = await new TestClient(database).request("/api/v3/core/brands/current/");
    expect(response.status).toBe(200);
    const brand = await response.json();
    expect(brand).toMatchObject({
      flow_authentication: "default-authentication-flow",
      flow_invalidation: "default-invalidation-flow",
      flow_recovery: "default-recovery-flow",
    });
    expect(brand.flow_user_settings).toBeUndefined();
  });
});
