import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq, ilike, inArray, ne, type SQL } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import { applyChange } from "../../audit/changes.ts";
import { roleModel } from "../../audit/admin-models.ts";
import type { Db } from "../../db/client.ts";
import { groupRoles, groups, roles } from "../../db/schema.ts";
import { escapeLike, notFound, orderingFrom, pageQuery, requireSuperuser, selectPage } from "../common.ts";
import { uuidLookup, viewSetRoutes } from "../viewset-routes.ts";
import { PatchedRoleRequest, Role, RoleRequest, serializeRole, type RoleRow } from "./role-models.ts";

export const roleUuidParam = uuidLookup("uuid", "Role");

const routes = viewSetRoutes({
  tag: "rbac",
  description: "Role viewset",
  middleware: requireSuperuser,
  path: "/rbac/roles/",
  params: roleUuidParam,
  Model: Role,
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
  api.openapi(routes.list(z.object({ ...pageQuery, group__name: z.string().optional() }), "PaginatedRoleList"), async (c) => {
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
    const page = await selectPage(db, roles, and(...filters), orderingFrom(query.ordering, { name: roles.name }, roles.name, roles.pk), query);
    return c.json({ pagination: page.pagination, results: page.rows.map(serializeRole) }, 200);
  });

  api.openapi(routes.create(RoleRequest), async (c) => {
    const { name } = c.req.valid("json");
    if (await nameTaken(c.get("deps").db, name)) return c.json(nameTakenError, 400);
    const role = await applyChange(c, "model_created", roleModel, async (tx) => (await tx.insert(roles).values({ name }).returning())[0]);
    return c.json(serializeRole(role), 201);
  });

  api.openapi(routes.retrieve(), async (c) => {
    const role = await findRole(c.get("deps").db, c.req.valid("param").uuid);
    return role ? c.json(serializeRole(role), 200) : roleNotFound(c);
  });

  api.openapi(routes.update("put", RoleRequest), async (c) => {
    const role = await findRole(c.get("deps").db, c.req.valid("param").uuid);
    return role ? renameRole(c, role, c.req.valid("json").name) : roleNotFound(c);
  });

  api.openapi(routes.update("patch", PatchedRoleRequest, { bodyRequired: true }), async (c) => {
    const role = await findRole(c.get("deps").db, c.req.valid("param").uuid);
    return role ? renameRole(c, role, c.req.valid("json").name) : roleNotFound(c);
  });

  api.openapi(routes.destroy(), async (c) => {
    const role = await findRole(c.get("deps").db, c.req.valid("param").uuid);
    if (!role) return roleNotFound(c);
    await applyChange(c, "model_deleted", roleModel, async (tx) => (await tx.delete(roles).where(eq(roles.pk, role.pk)).returning())[0]);
    return c.body(null, 204);
  });
}
