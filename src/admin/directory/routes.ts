import { msg } from "@lit/localize";
import type { Route } from "../../common/router/route-match.ts";
import type { AdminPage } from "../routes.ts";

/**
 * The directory's pages below its sidebar items (the lists themselves are the items' pages, in
 * navigation.ts). Each page is its own lazy chunk. `new` comes before `:id`, which it would match.
 */
export const directoryRoutes: readonly Route<AdminPage>[] = [
  {
    pattern: "/core/users/new",
    value: { tag: "ak-user-form", load: () => import("./users/ak-user-form.ts"), title: () => msg("Create user") },
  },
  {
    pattern: "/core/users/:id",
    value: {
      tag: "ak-user-page",
      load: () => import("./users/ak-user-page.ts"),
      title: () => msg("User"),
      props: (params) => ({ userId: Number(params?.id) }),
    },
  },
  {
    pattern: "/core/users/:id/edit",
    value: {
      tag: "ak-user-form",
      load: () => import("./users/ak-user-form.ts"),
      title: () => msg("Edit user"),
      props: (params) => ({ userId: Number(params?.id) }),
    },
  },
  {
    pattern: "/core/groups/new",
    value: { tag: "ak-group-form", load: () => import("./groups/ak-group-form.ts"), title: () => msg("Create group") },
  },
  {
    pattern: "/core/groups/:uuid",
    value: {
      tag: "ak-group-page",
      load: () => import("./groups/ak-group-page.ts"),
      title: () => msg("Group"),
      props: (params) => ({ groupId: params?.uuid }),
    },
  },
  {
    pattern: "/core/groups/:uuid/edit",
    value: {
      tag: "ak-group-form",
      load: () => import("./groups/ak-group-form.ts"),
      title: () => msg("Edit group"),
      props: (params) => ({ groupId: params?.uuid }),
    },
  },
  {
    pattern: "/identity/roles/new",
    value: { tag: "ak-role-form", load: () => import("./roles/ak-role-form.ts"), title: () => msg("Create role") },
  },
  {
    pattern: "/identity/roles/:uuid",
    value: {
      tag: "ak-role-page",
      load: () => import("./roles/ak-role-page.ts"),
      title: () => msg("Role"),
      props: (params) => ({ roleId: params?.uuid }),
    },
  },
  {
    pattern: "/identity/roles/:uuid/edit",
    value: {
      tag: "ak-role-form",
      load: () => import("./roles/ak-role-form.ts"),
      title: () => msg("Edit role"),
      props: (params) => ({ roleId: params?.uuid }),
    },
  },
];
