import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq, inArray } from "drizzle-orm";
import type { AppEnv } from "../../context.ts";
import { applyChange } from "../../audit/changes.ts";
import { roleModel } from "../../audit/admin-models.ts";
import type { Db } from "../../db/client.ts";
import { rolePermissions } from "../../db/schema.ts";
import { permissionNamed, permissions, qualifiedName, type Permission as CataloguePermission } from "../../rbac/catalogue.ts";
import { jsonBody, noContentResponses, notFound, objectResponses, pageQuery, pageWindow, paginated, pagination, requireSuperuser, responses } from "../common.ts";
import { findRole, roleNotFound, roleUuidParam } from "./roles.ts";

const Permission = z
  .object({
    id: z.number().int().openapi({ readOnly: true }),
    name: z.string().max(255),
    codename: z.string().max(100),
    model: z.string().openapi({ readOnly: true }),
    app_label: z.string().openapi({ readOnly: true }),
    app_label_verbose: z.string().openapi({ readOnly: true }),
    model_verbose: z.string().openapi({ readOnly: true }),
  })
  .openapi("Permission", { description: "Global permission" });

const permissionNames = z.array(z.string().min(1));

const PermissionAssignRequest = z
  .object({ permissions: permissionNames })
  .openapi("PermissionAssignRequest", { description: "Request to assign a new permission" });

const PatchedPermissionAssignRequest = z
  .object({ permissions: permissionNames.optional() })
  .openapi("PatchedPermissionAssignRequest", { description: "Request to assign a new permission" });

const PermissionAssignResult = z
  .object({ id: z.string() })
  .openapi("PermissionAssignResult", { description: "Result from assigning permissions to a user/role" });

const listDescription = "Read-only list of all permissions, filterable by model and app";

const listRoute = createRoute({
  method: "get",
  path: "/rbac/permissions/",
  operationId: "rbac_permissions_list",
  tags: ["rbac"],
  description: listDescription,
  middleware: [requireSuperuser] as const,
  request: {
    query: z.object({
      ...pageQuery,
      codename: z.string().optional(),
      content_type__app_label: z.string().optional(),
      content_type__model: z.string().optional(),
      role: z.string().optional().openapi({ description: "Only the global permissions assigned to this role (its uuid)." }),
    }),
  },
  responses: responses(paginated(Permission, "PaginatedPermissionList")),
});

const retrieveRoute = createRoute({
  method: "get",
  path: "/rbac/permissions/{id}/",
  operationId: "rbac_permissions_retrieve",
  tags: ["rbac"],
  description: listDescription,
  middleware: [requireSuperuser] as const,
  request: { params: z.object({ id: z.coerce.number().int().openapi({ type: "integer" }) }) },
  responses: objectResponses(Permission),
});

const assignRoute = createRoute({
  method: "post",
  path: "/rbac/permissions/assigned_by_roles/{uuid}/assign/",
  operationId: "rbac_permissions_assigned_by_roles_assign",
  tags: ["rbac"],
  description: "Assign global permission(s) to a role.",
  middleware: [requireSuperuser] as const,
  request: { params: roleUuidParam, ...jsonBody(PermissionAssignRequest) },
  responses: objectResponses(z.array(PermissionAssignResult)),
});

const unassignRoute = createRoute({
  method: "patch",
  path: "/rbac/permissions/assigned_by_roles/{uuid}/unassign/",
  operationId: "rbac_permissions_assigned_by_roles_unassign_partial_update",
  tags: ["rbac"],
  description: "Unassign global permission(s) from a role.",
  middleware: [requireSuperuser] as const,
  request: { params: roleUuidParam, body: { content: { "application/json": { schema: PatchedPermissionAssignRequest } } } },
  responses: noContentResponses("Successfully unassigned"),
});

const orderable: (keyof CataloguePermission)[] = ["id", "name", "codename", "model", "app_label"];

function ordered(list: CataloguePermission[], spec: string | undefined): CataloguePermission[] {
  const field = spec?.replace(/^-/, "") as keyof CataloguePermission | undefined;
  if (!field || !orderable.includes(field)) return list;
  const sign = spec!.startsWith("-") ? -1 : 1;
  return [...list].sort((a, b) => sign * String(a[field]).localeCompare(String(b[field]), undefined, { numeric: true }));
}

/** The names of the permissions assigned to a role; none for a role that does not exist. */
async function assignedToRole(db: Db, role: string): Promise<Set<string>> {
  if (!z.uuid().safeParse(role).success) return new Set();
  const rows = await db.select({ permission: rolePermissions.permission }).from(rolePermissions).where(eq(rolePermissions.role, role));
  return new Set(rows.map((row) => row.permission));
}

/** The permission names in `names` that the catalogue lacks, as field errors. */
function unknownPermissions(names: string[]) {
  const unknown = names.filter((name) => !permissionNamed(name));
  return unknown.length ? { permissions: unknown.map((name) => `Permission "${name}" does not exist.`) } : undefined;
}

export function registerPermissions(api: OpenAPIHono<AppEnv>) {
  api.openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    let found = [...permissions];
    if (query.role !== undefined) {
      const names = await assignedToRole(c.get("deps").db, query.role);
      found = found.filter((p) => names.has(qualifiedName(p)));
    }
    if (query.codename) found = found.filter((p) => p.codename === query.codename);
    if (query.content_type__app_label) found = found.filter((p) => p.app_label === query.content_type__app_label);
    if (query.content_type__model) found = found.filter((p) => p.model === query.content_type__model);
    if (query.search) {
      const term = query.search.toLowerCase();
      found = found.filter((p) => [p.name, p.codename, p.model_verbose, p.app_label].some((v) => v.toLowerCase().includes(term)));
    }
    found = ordered(found, query.ordering);
    const window = pageWindow(query);
    return c.json({ pagination: pagination(found.length, window), results: found.slice(window.offset, window.offset + window.pageSize) }, 200);
  });

  api.openapi(retrieveRoute, async (c) => {
    const permission = permissions.find((p) => p.id === c.req.valid("param").id);
    return permission ? c.json(permission, 200) : notFound(c, "Permission");
  });

  api.openapi(assignRoute, async (c) => {
    const role = await findRole(c.get("deps").db, c.req.valid("param").uuid);
    if (!role) return roleNotFound(c);
    const names = c.req.valid("json").permissions;
    const errors = unknownPermissions(names);
    if (errors) return c.json(errors, 400);
    await applyChange(c, "model_updated", roleModel, async (tx) => {
      if (names.length) {
        await tx
          .insert(rolePermissions)
          .values(names.map((permission) => ({ role: role.pk, permission })))
          .onConflictDoNothing();
      }
      return role;
    });
    return c.json(names.map((name) => ({ id: String(permissionNamed(name)!.id) })), 200);
  });

  api.openapi(unassignRoute, async (c) => {
    const role = await findRole(c.get("deps").db, c.req.valid("param").uuid);
    if (!role) return roleNotFound(c);
    const names = c.req.valid("json").permissions ?? [];
    const errors = unknownPermissions(names);
    if (errors) return c.json(errors, 400);
    await applyChange(c, "model_updated", roleModel, async (tx) => {
      if (names.length) {
        await tx.delete(rolePermissions).where(and(eq(rolePermissions.role, role.pk), inArray(rolePermissions.permission, names)));
      }
      return role;
    });
    return c.body(null, 204);
  });
}
