import { api, unwrap, unwrapEmpty } from "../../../api/client.ts";
import type { components } from "../../../api/schema.d.ts";
import { allPages } from "../../../elements/async/all-pages.ts";
import type { DualSelectOption, DualSelectSource } from "../../../elements/dual-select/ak-dual-select.ts";
import type { SelectOption } from "../../../elements/form/ak-search-select.ts";
import type { TableQuery } from "../../../elements/table/table-query.ts";
import type { TablePage } from "../../../elements/table/table-types.ts";

export type Group = components["schemas"]["Group"];
export type GroupRequest = components["schemas"]["GroupRequest"];
export type Role = components["schemas"]["Role"];

/** A page of the groups table (members as pks only: a group may have thousands). */
export async function loadGroups(query: TableQuery, signal: AbortSignal): Promise<TablePage<Group>> {
  const superuser = query.filters.is_superuser;
  return unwrap(
    api.GET("/core/groups/", {
      params: {
        query: {
          page: query.page,
          page_size: query.pageSize,
          search: query.search || undefined,
          ordering: query.ordering || undefined,
          is_superuser: superuser === undefined ? undefined : superuser === "true",
          include_users: false,
        },
      },
      signal,
    }),
  );
}

/** Every group (members as pks), page after page; for what the API cannot filter by (parent, role). */
export const loadAllGroups = (signal: AbortSignal): Promise<Group[]> =>
  allPages((page, page_size) => unwrap(api.GET("/core/groups/", { params: { query: { page, page_size, include_users: false } }, signal })));

export const loadGroup = (uuid: string, signal?: AbortSignal, withMembers = true) =>
  unwrap(api.GET("/core/groups/{group_uuid}/", { params: { path: { group_uuid: uuid }, query: { include_users: withMembers } }, signal }));

export const createGroup = (body: GroupRequest) => unwrap(api.POST("/core/groups/", { body }));

export const patchGroup = (uuid: string, body: components["schemas"]["PatchedGroupRequest"]) =>
  unwrap(api.PATCH("/core/groups/{group_uuid}/", { params: { path: { group_uuid: uuid } }, body }));

export const deleteGroup = (uuid: string) => unwrapEmpty(api.DELETE("/core/groups/{group_uuid}/", { params: { path: { group_uuid: uuid } } }));

/** Groups to choose a parent from; `except` (the group itself) is left out. */
export function parentSearch(except?: string) {
  return async (search: string, signal: AbortSignal): Promise<SelectOption[]> => {
    const result = await unwrap(
      api.GET("/core/groups/", { params: { query: { search: search || undefined, page_size: 20, include_users: false, ordering: "name" } }, signal }),
    );
    return result.results
      .filter((group) => group.pk !== except)
      .map((group) => ({ key: group.pk, label: group.name, description: group.parent_name ?? undefined }));
  };
}

const userOption = (user: { pk: number; username: string; name: string; email?: string }): DualSelectOption => ({
  key: String(user.pk),
  label: user.username,
  description: [user.name, user.email].filter(Boolean).join(" · ") || undefined,
});

export const memberOptions = (group: Group) => (group.users_obj ?? []).map(userOption);

export const userSource: DualSelectSource = async ({ search, page, pageSize }, signal) => {
  const result = await unwrap(
    api.GET("/core/users/", {
      params: { query: { search: search || undefined, page, page_size: pageSize, include_groups: false, ordering: "username" } },
      signal,
    }),
  );
  return { pagination: result.pagination, options: result.results.map(userOption) };
};

export const roleOption = (role: Role): DualSelectOption => ({ key: role.pk, label: role.name });

export const roleSource: DualSelectSource = async ({ search, page, pageSize }, signal) => {
  const result = await unwrap(
    api.GET("/rbac/roles/", { params: { query: { search: search || undefined, page, page_size: pageSize, ordering: "name" } }, signal }),
  );
  return { pagination: result.pagination, options: result.results.map(roleOption) };
};

/** Groups as dual-select options: name, and the parent as the second line. */
export const groupOption = (group: { pk: string; name: string; parent_name?: string | null }): DualSelectOption => ({
  key: group.pk,
  label: group.name,
  description: group.parent_name ?? undefined,
});

export const groupSource: DualSelectSource = async ({ search, page, pageSize }, signal) => {
  const result = await unwrap(
    api.GET("/core/groups/", { params: { query: { search: search || undefined, page, page_size: pageSize, include_users: false, ordering: "name" } }, signal }),
  );
  return { pagination: result.pagination, options: result.results.map(groupOption) };
};
