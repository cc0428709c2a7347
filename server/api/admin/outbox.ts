import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { desc, ilike, or } from "drizzle-orm";
import type { AppEnv } from "../../context.ts";
import { emailOutbox } from "../../db/schema.ts";
import { pageQuery, paginated, requireSuperuser, responses, selectPage } from "../common.ts";

const OutboxMessage = z
  .object({
    pk: z.number().int().openapi({ readOnly: true }),
    to: z.string(),
    from: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
    created: z.iso.datetime({ offset: true }).openapi({ readOnly: true }),
  })
  .openapi("OutboxMessage", { description: "A mail the reference server kept because no SMTP server is configured." });

const route = createRoute({
  method: "get",
  path: "/admin/outbox/",
  operationId: "admin_outbox_list",
  tags: ["admin"],
  description:
    "Mail kept instead of sent, newest first (reference server only: without AK_SMTP_HOST, mail goes here). `search` matches recipient and subject.",
  middleware: [requireSuperuser] as const,
  request: { query: z.object(pageQuery) },
  responses: responses(paginated(OutboxMessage, "PaginatedOutboxMessageList")),
});

export function registerOutbox(api: OpenAPIHono<AppEnv>) {
  api.openapi(route, async (c) => {
    const { db } = c.get("deps");
    const query = c.req.valid("query");
    const where = query.search ? or(ilike(emailOutbox.to, `%${query.search}%`), ilike(emailOutbox.subject, `%${query.search}%`)) : undefined;
    const page = await selectPage(db, emailOutbox, where, [desc(emailOutbox.created), desc(emailOutbox.pk)], query);
    const results = page.rows.map((row) => ({ ...row, created: row.created.toISOString() }));
    return c.json({ pagination: page.pagination, results }, 200);
  });
}
