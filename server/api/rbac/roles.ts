import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, asc, count, eq, ilike, inArray, ne, type SQL } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import { applyChange } from "../../audit/changes.ts";
import { roleModel } from "../../audit/admin-models.ts";
import type { Db } from "../../db/client.ts";
import { groupRoles, groups, roles } from "../../db/schema.ts";
import {
  createdResponses,
  escapeLike,
  jsonBody,
  noContentResponses,
  notFound,
  objectResponses,
  orderingFrom,
  pageQuery,
  pageWindow,
  paginated,
  pagination,
  requireSuperuser,
  responses,
} from "../common.ts";
import { PatchedRoleRequest, Role, RoleRequest, serializeRole, type RoleRow } from "./role-models.ts";

export const roleUuidParam = z.object({ uuid: z.uuid().openapi({ description: "A UUID string identifying this Role." }) });

const operation = { tags: ["rbac"], description: "Role viewset", middleware: [requireSuperuser] };

const listRoute = createRoute({
  ...operation,
  method: "get",
  path: "/rbac/roles/",
  operationId: "rbac_roles_list",
  request: { query: z.object({ ...pageQuery, group__name: z.string().optional() }) },
  responses: responses(paginated(Role, "PaginatedRoleList")),
});

const createRoleRoute = createRoute({
  ...operation,
  method: "post",
  path: "/rbac/roles/",
  operationId: "rbac_roles_create",
  request: jsonBody(RoleRequest),
  responses: createdResponses(Role),
});

const retrieveRoute = createRoute({
  ...operation,
  method: "get",
  path: "/rbac/roles/{uuid}/",
  operationId: "rbac_roles_retrieve",
  request: { params: roleUuidParam },
  responses: objectResponses(Role),
});

const updateRoute = createRoute({
  ...operation,
  method: "put",
  path: "/rbac/roles/{uuid}/",
  operationId: "rbac_roles_update",
  request: { params: roleUuidParam, ...jsonBody(RoleRequest) },
  responses: objectResponses(Role),
});

const patchRoute = createRoute({
  ...operation,
  method: "patch",
  path: "/rbac/roles/{uuid}/",
  operationId: "rbac_roles_partial_update",
  request: { params: roleUuidParam, ...jsonBody(PatchedRoleRequest) },
  responses: objectResponses(Role),
});

const deleteRoute = createRoute({
  ...operation,
  method: "delete",
  path: "/rbac/roles/{uuid}/",
  operationId: "rbac_roles_destroy",
  request: { params: roleUuidParam },
  responses: noContentResponses(),
});

export async function findRole(db: Db, pk: string): Promise<RoleRow | undefined> {
  const [role] = await db.select().from(roles).where(eq(roles.pk, pk));
  return role;
}

export const roleNotFound = (c: Context) => notFound(c, "Role");

async function nameTaken(db: Db, name: string, except?: string): Promise<boolean> {
  const rows = await db
    .select({ pk: roles.pk })
    .from(roles)
    .where(and(eq(roles.name, name), except ? ne(roles.pk, except) : undefined));
  return rows.length > 0;
}

const nameTakenError = { name: ["Role with this name already exists."] };

async function renameRole(c: Context<AppEnv>, role: RoleRow, name: string | undefined) {
  const { db } = c.get("deps");
  if (name === undefined || name === role.name) return c.json(serializeRole(role), 200);
  if (await nameTaken(db, name, role.pk)) return c.json(nameTakenError, 400);
  const updated = await applyChange(c, "model_updated", roleModel, async (tx) => {
    const [row] = await tx.update(roles).set({ name }).where(eq(roles.pk, role.pk)).returning();
    return row;
  });
  return c.json(serializeRole(updated), 200);
}

export function registerRoles(api: OpenAPIHono<AppEnv>) {
  api.openapi(listRoute, async (c) => {
    const { db } = c.get("deps");
    const query = c.req.valid("query");
    const filters: (SQL | undefined)[] = [];
    if (query.search) filters.push(ilike(roles.name, `%${escapeLike(query.search)}%`));
    if (query.group__name) {
      const ofGroup = db
        .select({ role: groupRoles.role })
        .from(groupRoles)
        .innerJoin(groups, eq(groups.pk, groupRoles.group))
        .where(eq(groups.name, query.group__name));
      filters.push(inArray(roles.pk, ofGroup));
    }
    const where = and(...filters);
    const window = pageWindow(query);
    const [{ total }] = await db.select({ total: count() }).from(roles).where(where);
    const rows = await db
      .select()
      .from(roles)
      .where(where)
      .orderBy(...orderingFrom(query.ordering, { name: roles.name }, roles.name), asc(roles.pk))
      .limit(window.pageSize)
      .offset(window.offset);
    return c.json({ pagination: pagination(total, window), results: rows.map(serializeRole) }, 200);
  });

  api.openapi(createRoleRoute, async (c) => {
    const { name } = c.req.valid("json");
    if (await nameTaken(c.get("deps").db, name)) return c.json(nameTakenError, 400);
    const role = await applyChange(c, "model_created", roleModel, async (tx) => (await tx.insert(roles).values({ name }).returning())[0]);
    return c.json(serializeRole(role), 201);
  });

  api.openapi(retrieveRoute, async (c) => {
    const role = await findRole(c.get("deps").db, c.req.valid("param").uuid);
    return role ? c.json(serializeRole(role), 200) : roleNotFound(c);
  });

  api.openapi(updateRoute, async (c) => {
    const role = await findRole(c.get("deps").db, c.req.valid("param").uuid);
    return role ? renameRole(c, role, c.req.valid("json").name) : roleNotFound(c);
  });

  api.openapi(patchRoute, async (c) => {
    const role = await findRole(c.get("deps").db, c.req.valid("param").uuid);
    return role ? renameRole(c, role, c.req.valid("json").name) : roleNotFound(c);
  });

  api.openapi(deleteRoute, async (c) => {
    const role = await findRole(c.get("deps").db, c.req.valid("param").uuid);
    if (!role) return roleNotFound(c);
    await applyChange(c, "model_deleted", roleModel, async (tx) => (await tx.delete(roles).where(eq(roles.pk, role.pk)).returning())[0]);
    return c.body(null, 204);
  });
}
