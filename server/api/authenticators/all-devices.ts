import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.ts";
import { devicesOf } from "../../authenticators/devices.ts";
import { requireSuperuser, requireUser, responses } from "../common.ts";
import { Device, serializeDevice } from "./device-models.ts";

const allRoute = createRoute({
  method: "get",
  path: "/authenticators/all/",
  operationId: "authenticators_all_list",
  tags: ["authenticators"],
  description: "Get all devices for current user",
  middleware: [requireUser] as const,
  responses: responses(z.array(Device)),
});

const adminAllRoute = createRoute({
  method: "get",
  path: "/authenticators/admin/all/",
  operationId: "authenticators_admin_all_list",
  tags: ["authenticators"],
  description: "Get all devices for current user",
  middleware: [requireSuperuser] as const,
  request: { query: z.object({ user: z.coerce.number().int().optional().openapi({ type: "integer" }) }) },
  responses: responses(z.array(Device)),
});

/** Every device of one user, of every kind: the signed-in user's own, or (for superusers) anyone's. */
export function registerAllDevices(api: OpenAPIHono<AppEnv>) {
  api.openapi(allRoute, async (c) => {
    const devices = await devicesOf(c.get("deps").db, c.get("session").user!.pk);
    return c.json(devices.map(serializeDevice), 200);
  });
  api.openapi(adminAllRoute, async (c) => {
    const user = c.req.valid("query").user ?? c.get("session").user!.pk;
    return c.json((await devicesOf(c.get("deps").db, user)).map(serializeDevice), 200);
  });
}
