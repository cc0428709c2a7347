import { api, unwrap, unwrapEmpty } from "../../../api/client.ts";
import type { components } from "../../../api/schema.d.ts";
import type { TableQuery } from "../../../elements/table/table-query.ts";
import type { TablePage } from "../../../elements/table/table-types.ts";

export type User = components["schemas"]["User"];
export type UserRequest = components["schemas"]["UserRequest"];
export type UserType = components["schemas"]["UserTypeEnum"];
export type Session = components["schemas"]["AuthenticatedSession"];
export type Device = components["schemas"]["Device"];

export const userTypes: readonly UserType[] = ["internal", "external", "service_account", "internal_service_account"];

function listQuery(query: TableQuery) {
  const { is_active: active, type } = query.filters;
  return {
    page: query.page,
    page_size: query.pageSize,
    search: query.search || undefined,
    ordering: query.ordering || undefined,
    is_active: active === undefined ? undefined : active === "true",
    type: type ? [type as UserType] : undefined,
  };
}

/** A page of the users table (with each user's groups, shown when a row expands). */
export async function loadUsers(query: TableQuery, signal: AbortSignal): Promise<TablePage<User>> {
  return unwrap(api.GET("/core/users/", { params: { query: listQuery(query) }, signal }));
}

/** The same rows without their groups: lighter, for collecting every match of a bulk action. */
export async function collectUsers(query: TableQuery, signal: AbortSignal): Promise<TablePage<User>> {
  return unwrap(api.GET("/core/users/", { params: { query: { ...listQuery(query), include_groups: false } }, signal }));
}

export const loadUser = (id: number, signal?: AbortSignal) => unwrap(api.GET("/core/users/{id}/", { params: { path: { id } }, signal }));

export const createUser = (body: UserRequest) => unwrap(api.POST("/core/users/", { body }));

export const updateUser = (id: number, body: UserRequest) => unwrap(api.PUT("/core/users/{id}/", { params: { path: { id } }, body }));

export const patchUser = (id: number, body: components["schemas"]["PatchedUserRequest"]) =>
  unwrap(api.PATCH("/core/users/{id}/", { params: { path: { id } }, body }));

export const deleteUser = (id: number) => unwrapEmpty(api.DELETE("/core/users/{id}/", { params: { path: { id } } }));

export const setPassword = (id: number, password: string) =>
  unwrapEmpty(api.POST("/core/users/{id}/set_password/", { params: { path: { id } }, body: { password } }));

export const createRecoveryLink = (id: number) => unwrap(api.POST("/core/users/{id}/recovery/", { params: { path: { id } } }));

export async function loadSessions(username: string, query: TableQuery, signal: AbortSignal): Promise<TablePage<Session>> {
  return unwrap(
    api.GET("/core/authenticated_sessions/", {
      params: { query: { user__username: username, page: query.page, page_size: query.pageSize, ordering: query.ordering || undefined } },
      signal,
    }),
  );
}

export const revokeSession = (uuid: string) => unwrapEmpty(api.DELETE("/core/authenticated_sessions/{uuid}/", { params: { path: { uuid } } }));

export const loadDevices = (user: number, signal: AbortSignal) => unwrap(api.GET("/authenticators/admin/all/", { params: { query: { user } }, signal }));

const deviceKinds = { totpdevice: "totp", staticdevice: "static", webauthndevice: "webauthn" } as const;

/** Whether this server has an admin endpoint to delete this kind of device. */
export const canDeleteDevice = (device: Device) => device.meta_model_name.split(".").pop()! in deviceKinds;

/** Deletes an MFA device through its kind's admin endpoint. */
export async function deleteDevice(device: Device): Promise<void> {
  const params = { params: { path: { id: Number(device.pk) } } };
  const kind = deviceKinds[device.meta_model_name.split(".").pop() as keyof typeof deviceKinds];
  if (kind === "totp") await unwrapEmpty(api.DELETE("/authenticators/admin/totp/{id}/", params));
  else if (kind === "static") await unwrapEmpty(api.DELETE("/authenticators/admin/static/{id}/", params));
  else await unwrapEmpty(api.DELETE("/authenticators/admin/webauthn/{id}/", params));
}
