import type { Database } from "../../server/db/client.ts";
import { TestClient } from "./client.ts";
import { adminPassword } from "./constants.ts";
import { testDatabase } from "./database.ts";
import { FlowTraffic } from "./flow-traffic.ts";

/** A fresh database and akadmin signed in on a client of it: where an admin API test starts. */
export async function signedInAdmin(): Promise<{ database: Database; admin: TestClient }> {
  const database = await testDatabase();
  const admin = new TestClient(database);
  await admin.signIn("akadmin", adminPassword);
  return { database, admin };
}

/** A fresh database and a visitor's client of it, whose flow traffic is recorded to be checked against authentik's schema. */
export async function recordedVisitor(): Promise<{ database: Database; traffic: FlowTraffic; client: TestClient }> {
  const database = await testDatabase();
  const traffic = new FlowTraffic();
  return { database, traffic, client: new TestClient(database, traffic) };
}
