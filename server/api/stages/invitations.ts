import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq, ilike, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { flowStageBindings, flows, invitations, users } from "../../db/schema.ts";
import { missingReferences } from "../../db/references.ts";
import type { InvitationRow } from "../../flows/invitation/invitation-use.ts";
import { orderingFrom, pageQuery, requireSuperuser } from "../common.ts";
import { GroupMember, serializeGroupMember } from "../core/group-models.ts";
import { Flow, serializeFlow } from "../flows/flow-models.ts";
import type { FieldErrors } from "../validation.ts";
import { registerViewSet } from "../viewset.ts";
import { uuidLookup } from "../viewset-routes.ts";

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

async function flowError(db: Db, flow: string | null | undefined): Promise<FieldErrors> {
  const absent = flow ? await missingReferences(db, flows.pk, [flow]) : undefined;
  return absent ? { flow: absent } : {};
}

const listQuery = z.object({
  ...pageQuery,
  name: z.string().optional(),
  created_by__username: z.string().optional(),
  expires: z.iso.datetime({ offset: true }).optional(),
  flow__slug: z.string().optional(),
});

/** The list's filters; a creator or flow that does not exist matches nothing. */
async function listFilter(db: Db, query: z.infer<typeof listQuery>) {
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
  return and(...filters);
}

const orderable = { name: invitations.name, expires: invitations.expires, created: invitations.created };

/** Invitations to enrollment flows: `/if/flow/<slug>/?itoken=<pk>` lets the holder through an invitation stage. */
export function registerInvitations(api: OpenAPIHono<AppEnv>) {
  registerViewSet(api, {
    tag: "stages",
    description: "Invitation Viewset",
    middleware: requireSuperuser,
    path: "/stages/invitation/invitations/",
    params: uuidLookup("invite_uuid", "Invitation"),
    Model: Invitation,
    Request: InvitationRequest,
    PatchedRequest: PatchedInvitationRequest,
    query: listQuery,
    listName: "PaginatedInvitationList",
    table: invitations,
    modelName: "Invitation",
    audit: {
      app: "authentik_stages_invitation",
      model_name: "invitation",
      describe: (invitation) => ({ pk: invitation.pk, name: invitation.name }),
    },
    filter: listFilter,
    orderBy: (ordering) => orderingFrom(ordering, orderable, invitations.name),
    serialize: serializeInvitations,
    check: (db, body) => flowError(db, body.flow),
    insert: (body, c) => ({ ...columns(body), name: body.name, createdBy: c.get("session").user?.pk ?? null }),
    update: columns,
  });
}
