import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, asc, count, eq, ilike, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { AppEnv } from "../../context.ts";
import { groups } from "../../db/schema.ts";
import { orderingFrom, pageQuery, pageWindow, paginated, pagination, requireSuperuser, responses } from "../common.ts";

export const Role = z
  .object({ pk: z.uuid().openapi({ readOnly: true }), name: z.string().max(150) })
  .openapi("Role", { description: "Role serializer" });

export const GroupMember = z
  .object({
    pk: z.number().int().openapi({ readOnly: true }),
    username: z.string().max(150),
    name: z.string(),
    is_active: z.boolean().optional(),
    last_login: z.iso.datetime({ offset: true }).nullable().optional(),
    email: z.string().optional().openapi({ format: "email" }),
    attributes: z.record(z.string(), z.unknown()).optional(),
    uid: z.string().openapi({ readOnly: true }),
  })
  .openapi("GroupMember", { description: "Stripped down user serializer to show relevant users for groups" });

export const Group = z
  .object({
    pk: z.uuid().openapi({ readOnly: true }),
    num_pk: z.number().int().openapi({ readOnly: true }),
    name: z.string(),
    is_superuser: z.boolean().optional(),
    parent: z.uuid().nullable().optional(),
    parent_name: z.string().nullable().openapi({ readOnly: true }),
    users: z.array(z.number().int()).optional(),
    users_obj: z.array(GroupMember).nullable().openapi({ readOnly: true }),
    attributes: z.record(z.string(), z.unknown()).optional(),
    roles: z.array(z.uuid()).optional(),
    roles_obj: z.array(Role).openapi({ readOnly: true }),
  })
  .openapi("Group", { description: "Group Serializer" });

const parents = alias(groups, "parent_group");
const orderable = { name: groups.name, is_superuser: groups.isSuperuser };

const listRoute = createRoute({
  method: "get",
  path: "/core/groups/",
  operationId: "core_groups_list",
  tags: ["core"],
  description: "Group Viewset",
  middleware: [requireSuperuser] as const,
  request: {
    query: z.object({
      ...pageQuery,
      name: z.string().optional(),
      is_superuser: z.enum(["true", "false"]).optional().openapi({ type: "boolean" }),
    }),
  },
  responses: responses(paginated(Group, "PaginatedGroupList")),
});

export function registerGroups(api: OpenAPIHono<AppEnv>) {
  api.openapi(listRoute, async (c) => {
    const { db } = c.get("deps");
    const query = c.req.valid("query");
    const filters: (SQL | undefined)[] = [];
    if (query.search) filters.push(ilike(groups.name, `%${query.search}%`));
    if (query.name) filters.push(eq(groups.name, query.name));
    if (query.is_superuser) filters.push(eq(groups.isSuperuser, query.is_superuser === "true"));
    const where = and(...filters);
    const window = pageWindow(query);
    const [{ total }] = await db.select({ total: count() }).from(groups).where(where);
    const rows = await db
      .select({ group: groups, parentName: parents.name })
      .from(groups)
      .leftJoin(parents, eq(parents.pk, groups.parent))
      .where(where)
      .orderBy(...orderingFrom(query.ordering, orderable, groups.name), asc(groups.pk))
      .limit(window.pageSize)
      .offset(window.offset);
    const results = rows.map(({ group, parentName }): z.infer<typeof Group> => ({
      pk: group.pk,
      num_pk: group.numPk,
      name: group.name,
      is_superuser: group.isSuperuser,
      parent: group.parent,
      parent_name: parentName,
      users_obj: null,
      attributes: group.attributes,
      roles: [],
      roles_obj: [],
    }));
    return c.json({ pagination: pagination(total, window), results }, 200);
  });
}
