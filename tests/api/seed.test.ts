import { count, eq, isNotNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { seedDirectory } from "../../scripts/seed.ts";
import type { Database } from "../../server/db/client.ts";
import { groupMembers, groups, users } from "../../server/db/schema.ts";
import { TestClient } from "../support/client.ts";
import { adminPassword } from "../support/constants.ts";
import { testDatabase } from "../support/database.ts";

let database: Database;

beforeEach(async () => {
  database = await testDatabase();
  return () => database.close();
});

const total = async (query: Promise<{ n: number }[]>) => (await query)[0].n;

describe("npm run seed", () => {
  it("makes realistic users, nested groups and memberships, and adds nothing when run again", async () => {
    const { db } = database;
    const before = await total(db.select({ n: count() }).from(users));
    const first = await seedDirectory(db, { users: 300, groups: 60, password: "Seeded-Passw0rd" });
    expect(first.usersCreated).toBe(300);
    expect(first.groupsCreated).toBe(60);
    expect(first.membershipsCreated).toBeGreaterThan(300);
    expect(await total(db.select({ n: count() }).from(users))).toBe(before + 300);

    expect(await total(db.select({ n: count() }).from(users).where(eq(users.isActive, false)))).toBeGreaterThan(0);
    expect(await total(db.select({ n: count() }).from(users).where(eq(users.type, "service_account")))).toBeGreaterThan(0);
    expect(await total(db.select({ n: count() }).from(groups).where(isNotNull(groups.parent)))).toBeGreaterThan(0);
    expect(await total(db.select({ n: count() }).from(groupMembers))).toBeGreaterThan(first.membershipsCreated - 1);

    const again = await seedDirectory(db, { users: 300, groups: 60 });
    expect(again).toEqual({ usersCreated: 0, groupsCreated: 0, membershipsCreated: 0 });

    // Seeded people are ordinary users: found by the admin list and able to sign in.
    const admin = new TestClient(database);
    await admin.signIn("akadmin", adminPassword);
    const found = await admin.json("/api/v3/core/users/?search=emma.&type=internal&is_active=true&page_size=5");
    expect(found.results.length).toBeGreaterThan(0);
    expect(found.results[0]).toMatchObject({ email: expect.stringMatching(/@example\.com$/) });
    expect(found.results[0].groups_obj.length).toBeGreaterThan(0);
    const person = new TestClient(database);
    expect((await person.signIn(found.results[0].username, "Seeded-Passw0rd")).component).toBe("xak-flow-redirect");
  });
});
