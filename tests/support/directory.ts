import { expect } from "vitest";
import type { TestClient } from "./client.ts";

/** Creates a user through the API as `admin` and sets its password; returns the created User. */
export async function createUser(admin: TestClient, fields: Record<string, unknown>, password?: string) {
  const response = await admin.request("/api/v3/core/users/", { json: { name: "", ...fields } });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  const user = await response.json();
  if (password) {
    const set = await admin.request(`/api/v3/core/users/${user.pk}/set_password/`, { json: { password } });
    expect(set.status).toBe(204);
  }
  return user;
}

/** Creates a group through the API as `admin`; returns the created Group. */
export async function createGroup(admin: TestClient, fields: Record<string, unknown>) {
  const response = await admin.request("/api/v3/core/groups/", { json: fields });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return response.json();
}
