import { msg } from "@lit/localize";
import type { Route } from "../common/router/route-match.ts";
import { directoryRoutes } from "./directory/routes.ts";
import { navigation, type PageModule } from "./navigation.ts";

/** The interface's base path. */
export const adminBase = "/if/admin/";

/** What a matched admin route shows: a page module, its title, and the properties to give its element. */
export interface AdminPage extends PageModule {
  readonly title: () => string;
  /** The properties to give its element, from the path's `:name` segments. */
  readonly props?: (params?: Readonly<Record<string, string>>) => Record<string, unknown>;
}

const unavailable = { tag: "ak-admin-unavailable", load: () => import("./shell/ak-admin-unavailable.ts") };

/** The page for paths no route knows. */
export const notFoundPage: AdminPage = {
  tag: "ak-admin-not-found",
  load: () => import("./shell/ak-admin-not-found.ts"),
  title: () => msg("Page not found"),
};

/**
 * The admin routes: `/` goes to the overview; every sidebar item has its page, or, while this
 * version does not have it yet, the "not available yet" page naming its API area; sections add
 * their pages below their items (an object, its form).
 */
export const adminRoutes: readonly Route<AdminPage>[] = [
  { pattern: "/", redirect: "/overview" },
  ...directoryRoutes,
  ...navigation.flatMap((section) =>
    section.items.map(
      (item): Route<AdminPage> => ({
        pattern: item.path,
        value: item.page
          ? { ...item.page, title: item.label }
          : { ...unavailable, title: item.label, props: () => ({ feature: item.label(), section: section.label(), api: item.api }) },
      }),
    ),
  ),
];
