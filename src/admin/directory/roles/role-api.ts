import { api, unwrap, unwrapEmpty } from "../../../api/client.ts";
import type { components } from "../../../api/schema.d.ts";
import { allPages } from "../../../elements/async/all-pages.ts";
import type { DualSelectOption, DualSelectSource } from "../../../elements/dual-select/ak-dual-select.ts";
import type { TableQuery } from "../../../elements/table/table-query.ts";
import type { TablePage } from "../../../elements/table/table-types.ts";
import { loadAllGroups, patchGroup, type Group } from "../groups/group-api.ts";

export type Role = components["schemas"]["Role"];
export type Permission = components["schemas"]["Permission"];

export async function loadRoles(query: TableQuery, signal: AbortSignal): Promise<TablePage<Role>> {
  return unwrap(
    api.GET("/rbac/roles/", {
      params: { query: { page: query.page, page_size: query.pageSize, search: query.search || undefined, ordering: query.ordering || undefined } },
      signal,
    }),
  );
}

export const loadRole = (uuid: string, signal?: AbortSignal) => unwrap(api.GET("/rbac/roles/{uuid}/", { params: { path: { uuid } }, signal }));
export const createRole = (name: string) => unwrap(api.POST("/rbac/roles/", { body: { name } }));
export const updateRole = (uuid: string, name: string) => unwrap(api.PUT("/rbac/roles/{uuid}/", { params: { path: { uuid } }, body: { name } }));
export const deleteRole = (uuid: string) => unwrapEmpty(api.DELETE("/rbac/roles/{uuid}/", { params: { path: { uuid } } }));

/** A permission as authentik names it when assigning: `app_label.codename`. */
const permissionKey = (permission: Permission) => `${permission.app_label}.${permission.codename}`;

export const permissionOption = (permission: Permission): DualSelectOption => ({
  key: permissionKey(permission),
  label: permission.name,
  description: `${permission.model_verbose} · ${permissionKey(permission)}`,
});

export const permissionSource: DualSelectSource = async ({ search, page, pageSize }, signal) => {
  const result = await unwrap(api.GET("/rbac/permissions/", { params: { query: { search: search || undefined, page, page_size: pageSize } }, signal }));
  return { pagination: result.pagination, options: result.results.map(permissionOption) };
};

/** Every global permission the role has. */
export async function loadRolePermissions(role: string, signal: AbortSignal): Promise<DualSelectOption[]> {
  const permissions = await allPages((page, page_size) => unwrap(api.GET("/rbac/permissions/", { params: { query: { role, page, page_size } }, signal })));
  return permissions.map(permissionOption);
}

/** Gives the role what was added and takes away what was removed. */
export async function savePermissions(role: string, before: readonly DualSelectOption[], after: readonly DualSelectOption[]): Promise<void> {
  const had = new Set(before.map((option) => option.key));
  const has = new Set(after.map((option) => option.key));
  const added = [...has].filter((key) => !had.has(key));
  const removed = [...had].filter((key) => !has.has(key));
  if (added.length) await unwrap(api.POST("/rbac/permissions/assigned_by_roles/{uuid}/assign/", { params: { path: { uuid: role } }, body: { permissions: added } }));
  if (removed.length) {
    await unwrapEmpty(api.PATCH("/rbac/permissions/assigned_by_roles/{uuid}/unassign/", { params: { path: { uuid: role } }, body: { permissions: removed } }));
  }
}

/** The groups that have the role (the API cannot filter groups by role, so every group is read). */
export async function loadRoleGroups(role: string, signal: AbortSignal): Promise<Group[]> {
  return (await loadAllGroups(signal)).filter((group) => group.roles?.includes(role));
}

/** Adds the role to the chosen groups that lack it and removes it from the others that had it. */
export async function saveGroupsOfRole(role: string, before: readonly Group[], chosen: readonly DualSelectOption[]): Promise<void> {
  const keep = new Set(chosen.map((option) => option.key));
  const had = new Set(before.map((group) => group.pk));
  for (const group of before) {
    if (!keep.has(group.pk)) await patchGroup(group.pk, { roles: (group.roles ?? []).filter((pk) => pk !== role) });
  }
  for (const key of keep) {
    if (had.has(key)) continue;
    const group = await unwrap(api.GET("/core/groups/{group_uuid}/", { params: { path: { group_uuid: key }, query: { include_users: false } } }));
    await patchGroup(key, { roles: [...(group.roles ?? []), role] });
  }
}
