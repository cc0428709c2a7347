import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq, ilike, inArray, type SQL } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { staticDevices, totpDevices, users, webauthnDevices } from "../../db/schema.ts";
import { deviceModels, type DeviceClass } from "../../authenticators/devices.ts";
import type { WebAuthnDeviceRow } from "../../authenticators/webauthn.ts";
import { applyChange } from "../../audit/changes.ts";
import type { AdminModel } from "../../audit/changes.ts";
import { serializeGroupMember } from "../core/group-models.ts";
import { notFound, orderingFrom, pageQuery, requireSuperuser, requireUser, selectPage } from "../common.ts";
import { viewSetRoutes } from "../viewset-routes.ts";
import {
  StaticDevice,
  StaticDeviceRequests,
  TOTPDevice,
  TOTPDeviceRequests,
  WebAuthnDevice,
  WebAuthnDeviceRequests,
} from "./device-models.ts";

/** The columns all three device tables share; queries below use only these. */
type DeviceTable = typeof staticDevices;
type DeviceRow = DeviceTable["$inferSelect"];
type UserRow = typeof users.$inferSelect;

interface DeviceKind {
  deviceClass: DeviceClass;
  table: DeviceTable;
  model: z.ZodType;
  listName: string;
  requests: typeof TOTPDeviceRequests;
  serialize(row: DeviceRow, owner: UserRow): unknown;
}

const kinds: DeviceKind[] = [
  {
    deviceClass: "totp",
    table: totpDevices as unknown as DeviceTable,
    model: TOTPDevice,
    listName: "PaginatedTOTPDeviceList",
    requests: TOTPDeviceRequests,
    serialize: (row, owner) => ({ name: row.name, pk: row.pk, user: serializeGroupMember(owner) }),
  },
  {
    deviceClass: "static",
    table: staticDevices,
    model: StaticDevice,
    listName: "PaginatedStaticDeviceList",
    requests: StaticDeviceRequests,
    // The codes are kept only as hashes: they are shown once, when they are made.
    serialize: (row, owner) => ({ name: row.name, token_set: [], pk: row.pk, user: serializeGroupMember(owner) }),
  },
  {
    deviceClass: "webauthn",
    table: webauthnDevices as unknown as DeviceTable,
    model: WebAuthnDevice,
    listName: "PaginatedWebAuthnDeviceList",
    requests: WebAuthnDeviceRequests,
    serialize: (row, owner) => ({
      pk: row.pk,
      name: row.name,
      created_on: row.created.toISOString(),
      device_type: null,
      aaguid: (row as unknown as WebAuthnDeviceRow).aaguid,
      user: serializeGroupMember(owner),
    }),
  },
];

const deviceModel = (kind: DeviceKind): AdminModel<DeviceRow> => {
  const { app, model } = deviceModels[kind.deviceClass];
  return { app, model_name: model.toLowerCase(), describe: (row) => ({ pk: row.pk, name: row.name }) };
};

async function serializeRows(db: Db, kind: DeviceKind, rows: DeviceRow[]) {
  const owners = rows.length ? await db.select().from(users).where(inArray(users.pk, [...new Set(rows.map((r) => r.user))])) : [];
  const byPk = new Map(owners.map((u) => [u.pk, u]));
  return rows.map((row) => kind.serialize(row, byPk.get(row.user)!));
}

/**
 * authentik's viewsets for one kind of device, in two scopes: `/authenticators/<kind>/` for the
 * signed-in user's own devices and `/authenticators/admin/<kind>/` for superusers, over everyone's.
 */
function registerDeviceKind(api: OpenAPIHono<AppEnv>, kind: DeviceKind, admin: boolean) {
  const { table, deviceClass, requests } = kind;
  const { verbose } = deviceModels[deviceClass];
  const label = deviceClass === "totp" ? "totp" : deviceClass === "static" ? "static" : "WebAuthn";
  const routes = viewSetRoutes({
    tag: "authenticators",
    description: `Viewset for ${label} authenticator devices${admin ? " (for admins)" : ""}`,
    middleware: admin ? requireSuperuser : requireUser,
    path: admin ? `/authenticators/admin/${deviceClass}/` : `/authenticators/${deviceClass}/`,
    params: z.object({
      id: z.coerce.number().int().openapi({ type: "integer", description: `A unique integer value identifying this ${verbose}.` }),
    }),
    Model: kind.model,
  });
  const owned = (c: Context<AppEnv>): SQL | undefined => (admin ? undefined : eq(table.user, c.get("session").user!.pk));

  const find = async (c: Context<AppEnv>, pk: number) => {
    const [row] = await c.get("deps").db.select().from(table).where(and(eq(table.pk, pk), owned(c)));
    return row;
  };
  const missing = (c: Context<AppEnv>) => notFound(c, verbose);

  api.openapi(routes.list(z.object({ name: z.string().optional(), ...pageQuery }), kind.listName), async (c) => {
    const { db } = c.get("deps");
    const query = c.req.valid("query");
    const where = and(
      owned(c),
      query.name === undefined ? undefined : eq(table.name, query.name),
      query.search ? ilike(table.name, `%${query.search}%`) : undefined,
    );
    const page = await selectPage(db, table, where, orderingFrom(query.ordering, { name: table.name, pk: table.pk }, table.pk), query);
    return c.json({ pagination: page.pagination, results: await serializeRows(db, kind, page.rows) } as never, 200);
  });

  api.openapi(routes.retrieve(), async (c) => {
    const row = await find(c, c.req.valid("param").id);
    if (!row) return missing(c);
    const [body] = await serializeRows(c.get("deps").db, kind, [row]);
    return c.json(body as never, 200);
  });

  const rename = async (c: Context<AppEnv>, pk: number, name: string | undefined) => {
    const row = await find(c, pk);
    if (!row) return missing(c);
    const updated =
      name === undefined
        ? row
        : await applyChange(c, "model_updated", deviceModel(kind), async (tx) => {
            const [changed] = await tx.update(table).set({ name, lastUpdated: new Date() }).where(eq(table.pk, pk)).returning();
            return changed;
          });
    const [body] = await serializeRows(c.get("deps").db, kind, [updated]);
    return c.json(body as never, 200);
  };
  for (const [method, schema] of [
    ["put", requests.put],
    ["patch", requests.patch],
  ] as const) {
    api.openapi(routes.update(method, schema), async (c) => rename(c, c.req.valid("param").id, (c.req.valid("json") as { name?: string }).name));
  }

  api.openapi(routes.destroy(), async (c) => {
    const row = await find(c, c.req.valid("param").id);
    if (!row) return missing(c);
    await applyChange(c, "model_deleted", deviceModel(kind), async (tx) => {
      await tx.delete(table).where(eq(table.pk, row.pk));
      return row;
    });
    return c.body(null, 204);
  });
}

export function registerDeviceKinds(api: OpenAPIHono<AppEnv>) {
  for (const kind of kinds) {
    registerDeviceKind(api, kind, false);
    registerDeviceKind(api, kind, true);
  }
}
