import { msg } from "@lit/localize";

/** A page module, loaded on first visit, and the tag of the element it defines. */
export interface PageModule {
  readonly tag: string;
  readonly load: () => Promise<unknown>;
}

export interface NavItem {
  /** The path under `/if/admin/`. */
  readonly path: string;
  readonly label: () => string;
  /** The authentik API area the page reads and writes (shown while the page is not built yet). */
  readonly api: string;
  /** The page, once this version has it; without one the item leads to "not available yet". */
  readonly page?: PageModule;
}

export interface NavSection {
  readonly id: string;
  readonly label: () => string;
  readonly items: readonly NavItem[];
}

/** The admin interface's sections, as in authentik's sidebar. DOM-free; the sidebar and the routes are built from it. */
export const navigation: readonly NavSection[] = [
  {
    id: "dashboards",
    label: () => msg("Dashboards"),
    items: [
      {
        path: "/overview",
        label: () => msg("Overview"),
        api: "/api/v3/admin/",
        page: { tag: "ak-admin-overview", load: () => import("./overview/ak-admin-overview.ts") },
      },
    ],
  },
  {
    id: "applications",
    label: () => msg("Applications"),
    items: [
      { path: "/core/applications", label: () => msg("Applications"), api: "/api/v3/core/applications/" },
      { path: "/core/providers", label: () => msg("Providers"), api: "/api/v3/providers/all/" },
      { path: "/outpost/outposts", label: () => msg("Outposts"), api: "/api/v3/outposts/instances/" },
    ],
  },
  {
    id: "events",
    label: () => msg("Events"),
    items: [
      { path: "/events/log", label: () => msg("Logs"), api: "/api/v3/events/events/" },
      { path: "/events/rules", label: () => msg("Notification Rules"), api: "/api/v3/events/rules/" },
      { path: "/events/transports", label: () => msg("Notification Transports"), api: "/api/v3/events/transports/" },
    ],
  },
  {
    id: "customization",
    label: () => msg("Customization"),
    items: [
      { path: "/policy/policies", label: () => msg("Policies"), api: "/api/v3/policies/all/" },
      { path: "/core/property-mappings", label: () => msg("Property Mappings"), api: "/api/v3/propertymappings/all/" },
      { path: "/blueprints/instances", label: () => msg("Blueprints"), api: "/api/v3/managed/blueprints/" },
    ],
  },
  {
    id: "flows",
    label: () => msg("Flows and Stages"),
    items: [
      { path: "/flow/flows", label: () => msg("Flows"), api: "/api/v3/flows/instances/" },
      { path: "/flow/stages", label: () => msg("Stages"), api: "/api/v3/stages/all/" },
      { path: "/flow/stages/prompts", label: () => msg("Prompts"), api: "/api/v3/stages/prompt/prompts/" },
    ],
  },
  {
    id: "directory",
    label: () => msg("Directory"),
    items: [
      {
        path: "/core/users",
        label: () => msg("Users"),
        api: "/api/v3/core/users/",
        page: { tag: "ak-user-list", load: () => import("./directory/users/ak-user-list.ts") },
      },
      {
        path: "/core/groups",
        label: () => msg("Groups"),
        api: "/api/v3/core/groups/",
        page: { tag: "ak-group-list", load: () => import("./directory/groups/ak-group-list.ts") },
      },
      {
        path: "/identity/roles",
        label: () => msg("Roles"),
        api: "/api/v3/rbac/roles/",
        page: { tag: "ak-role-list", load: () => import("./directory/roles/ak-role-list.ts") },
      },
      { path: "/core/tokens", label: () => msg("Tokens and App passwords"), api: "/api/v3/core/tokens/" },
      { path: "/flow/stages/invitations", label: () => msg("Invitations"), api: "/api/v3/stages/invitation/invitations/" },
    ],
  },
  {
    id: "system",
    label: () => msg("System"),
    items: [
      { path: "/core/brands", label: () => msg("Brands"), api: "/api/v3/core/brands/" },
      { path: "/crypto/certificates", label: () => msg("Certificates"), api: "/api/v3/crypto/certificatekeypairs/" },
      { path: "/admin/settings", label: () => msg("Settings"), api: "/api/v3/admin/settings/" },
    ],
  },
];

/** Every item, in sidebar order. */
export const navItems: readonly NavItem[] = navigation.flatMap((section) => section.items);
