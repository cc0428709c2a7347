import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, count, eq, ilike, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { flowStageBindings, flows, invitations, users } from "../../db/schema.ts";
import { applyChange, type AdminModel } from "../../audit/changes.ts";
import { missingReferences } from "../../db/references.ts";
import type { InvitationRow } from "../../flows/invitation/invitation-use.ts";
import {
  createdResponses,
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
import { GroupMember, serializeGroupMember } from "../core/group-models.ts";
import { Flow, serializeFlow } from "../flows/flow-models.ts";

const slug = z.string().max(50).regex(/^[-a-zA-Z0-9_]+$/, { message: "Use only letters, numbers, hyphens and underscores." });

const settings = {
  expires: z.iso.datetime({ offset: true }).nullable().optional(),
  fixed_data: z.record(z.string(), z.unknown()).optional(),
  single_use: z.boolean().optional().openapi({ description: "When enabled, the invitation will be deleted after usage." }),
  flow: z.uuid().nullable().optional().openapi({ description: "When set, only the configured flow can use this invitation." }),
};

const Invitation = z
  .object({
    pk: z.uuid().openapi({ readOnly: true, title: "Invite uuid" }),
    name: slug,
    ...settings,
    created_by: GroupMember.optional(),
    flow_obj: Flow.optional(),
  })
  .openapi("Invitation", { description: "Invitation Serializer" });

const requestShape = { name: slug.min(1), ...settings };
const InvitationRequest = z.object(requestShape).openapi("InvitationRequest", { description: "Invitation Serializer" });
const PatchedInvitationRequest = z.object(requestShape).partial().openapi("PatchedInvitationRequest", { description: "Invitation Serializer" });
type InvitationInput = z.infer<typeof PatchedInvitationRequest>;

const invitationModel: AdminModel<InvitationRow> = {
  app: "authentik_stages_invitation",
  model_name: "invitation",
  describe: (invitation) => ({ pk: invitation.pk, name: invitation.name }),
};

/** Invitations with their creator and flow, as the API shows them. */
async function serializeInvitations(db: Db, rows: InvitationRow[]): Promise<z.infer<typeof Invitation>[]> {
  const creatorPks = [...new Set(rows.flatMap((row) => (row.createdBy === null ? [] : [row.createdBy])))];
  const flowPks = [...new Set(rows.flatMap((row) => (row.flow === null ? [] : [row.flow])))];
  const creators = creatorPks.length ? await db.select().from(users).where(inArray(users.pk, creatorPks)) : [];
  const flowRows = flowPks.length ? await db.select().from(flows).where(inArray(flows.pk, flowPks)) : [];
  const bindings = flowPks.length
    ? await db.select().from(flowStageBindings).where(inArray(flowStageBindings.target, flowPks)).orderBy(flowStageBindings.order)
    : [];
  return rows.map((row) => {
    const creator = creators.find((user) => user.pk === row.createdBy);
    const flow = flowRows.find((candidate) => candidate.pk === row.flow);
    return {
      pk: row.pk,
      name: row.name,
      expires: row.expires?.toISOString() ?? null,
      fixed_data: row.fixedData,
      single_use: row.singleUse,
      flow: row.flow,
      ...(creator ? { created_by: serializeGroupMember(creator) } : {}),
      ...(flow ? { flow_obj: serializeFlow(flow, bindings.filter((b) => b.target === flow.pk).map((b) => b.stage)) } : {}),
    };
  });
}

const columns = (input: InvitationInput) => ({
  name: input.name,
  expires: input.expires === undefined ? undefined : input.expires === null ? null : new Date(input.expires),
  fixedData: input.fixed_data,
  singleUse: input.single_use,
  flow: input.flow,
});

async function flowError(db: Db, flow: string | null | undefined) {
  const absent = flow ? await missingReferences(db, flows.pk, [flow]) : undefined;
  return absent ? { flow: absent } : undefined;
}

const orderable = { name: invitations.name, expires: invitations.expires, created: invitations.created };
const common = { tags: ["stages"], description: "Invitation Viewset", middleware: requireSuperuser };
const params = z.object({ invite_uuid: z.uuid().openapi({ description: "A UUID string identifying this Invitation." }) });
const itemPath = "/stages/invitation/invitations/{invite_uuid}/";
const json = <T extends z.ZodType>(schema: T, required = true) => ({ content: { "application/json": { schema } }, required });

async function findInvitation(c: Context<AppEnv>, pk: string) {
  const [row] = await c.get("deps").db.select().from(invitations).where(eq(invitations.pk, pk));
  return row;
}

/** Invitations to enrollment flows: `/if/flow/<slug>/?itoken=<pk>` lets the holder through an invitation stage. */
export function registerInvitations(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/stages/invitation/invitations/",
      operationId: "stages_invitation_invitations_list",
      request: {
        query: z.object({
          ...pageQuery,
          name: z.string().optional(),
          created_by__username: z.string().optional(),
          expires: z.iso.datetime({ offset: true }).optional(),
          flow__slug: z.string().optional(),
        }),
      },
      responses: responses(paginated(Invitation, "PaginatedInvitationList")),
    }),
    async (c) => {
      const { db } = c.get("deps");
      const query = c.req.valid("query");
      const filters: (SQL | undefined)[] = [
        query.name === undefined ? undefined : eq(invitations.name, query.name),
        query.expires === undefined ? undefined : lte(invitations.expires, new Date(query.expires)),
        query.search ? ilike(invitations.name, `%${query.search}%`) : undefined,
      ];
      if (query.created_by__username !== undefined) {
        const [creator] = await db.select({ pk: users.pk }).from(users).where(eq(users.username, query.created_by__username));
        filters.push(creator ? eq(invitations.createdBy, creator.pk) : sql`false`);
      }
      if (query.flow__slug !== undefined) {
        const [flow] = await db.select({ pk: flows.pk }).from(flows).where(eq(flows.slug, query.flow__slug));
        filters.push(flow ? eq(invitations.flow, flow.pk) : sql`false`);
      }
      const where = and(...filters);
      const window = pageWindow(query);
      const [{ total }] = await db.select({ total: count() }).from(invitations).where(where);
      const rows = await db
        .select()
        .from(invitations)
        .where(where)
        .orderBy(...orderingFrom(query.ordering, orderable, invitations.name))
        .limit(window.pageSize)
        .offset(window.offset);
      return c.json({ pagination: pagination(total, window), results: await serializeInvitations(db, rows) }, 200);
    },
  );

  api.openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/stages/invitation/invitations/",
      operationId: "stages_invitation_invitations_create",
      request: { body: json(InvitationRequest) },
      responses: createdResponses(Invitation),
    }),
    async (c) => {
      const { db } = c.get("deps");
      const body = c.req.valid("json");
      const errors = await flowError(db, body.flow);
      if (errors) return c.json(errors, 400);
      const createdBy = c.get("session").user?.pk ?? null;
      const invitation = await applyChange(c, "model_created", invitationModel, async (tx) => {
        const [row] = await tx.insert(invitations).values({ ...columns(body), name: body.name, createdBy }).returning();
        return row;
      });
      const [shown] = await serializeInvitations(db, [invitation]);
      return c.json(shown, 201);
    },
  );

  api.openapi(
    createRoute({ ...common, method: "get", path: itemPath, operationId: "stages_invitation_invitations_retrieve", request: { params }, responses: objectResponses(Invitation) }),
    async (c) => {
      const invitation = await findInvitation(c, c.req.valid("param").invite_uuid);
      if (!invitation) return notFound(c, "Invitation");
      const [shown] = await serializeInvitations(c.get("deps").db, [invitation]);
      return c.json(shown, 200);
    },
  );

  for (const [method, schema, action] of [
    ["put", InvitationRequest, "update"],
    ["patch", PatchedInvitationRequest, "partial_update"],
  ] as const) {
    api.openapi(
      createRoute({
        ...common,
        method,
        path: itemPath,
        operationId: `stages_invitation_invitations_${action}`,
        request: { params, body: json(schema, method === "put") },
        responses: objectResponses(Invitation),
      }),
      async (c) => {
        const { db } = c.get("deps");
        const invitation = await findInvitation(c, c.req.valid("param").invite_uuid);
        if (!invitation) return notFound(c, "Invitation");
        const body = c.req.valid("json") as InvitationInput;
        const errors = await flowError(db, body.flow);
        if (errors) return c.json(errors, 400);
        const values = columns(body);
        const updated = await applyChange(c, "model_updated", invitationModel, async (tx) => {
          if (Object.values(values).every((value) => value === undefined)) return invitation;
          const [row] = await tx.update(invitations).set(values).where(eq(invitations.pk, invitation.pk)).returning();
          return row;
        });
        const [shown] = await serializeInvitations(db, [updated]);
        return c.json(shown, 200);
      },
    );
  }

  api.openapi(
    createRoute({ ...common, method: "delete", path: itemPath, operationId: "stages_invitation_invitations_destroy", request: { params }, responses: noContentResponses() }),
    async (c) => {
      const invitation = await findInvitation(c, c.req.valid("param").invite_uuid);
      if (!invitation) return notFound(c, "Invitation");
      await applyChange(c, "model_deleted", invitationModel, async (tx) => {
        await tx.delete(invitations).where(eq(invitations.pk, invitation.pk));
        return invitation;
      });
      return c.body(null, 204);
    },
  );
}
