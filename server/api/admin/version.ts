import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../context.ts";
import { requireSuperuser, responses } from "../common.ts";
import { version } from "../../version.ts";

const Version = z
  .object({
    version_current: z.string().openapi({ readOnly: true }),
    version_latest: z.string().openapi({ readOnly: true }),
    version_latest_valid: z.boolean().openapi({ readOnly: true }),
    build_hash: z.string().openapi({ readOnly: true }),
    outdated: z.boolean().openapi({ readOnly: true }),
    outpost_outdated: z.boolean().openapi({ readOnly: true }),
  })
  .openapi("Version", { description: "Get running and latest version." });

const route = createRoute({
  method: "get",
  path: "/admin/version/",
  operationId: "admin_version_retrieve",
  tags: ["admin"],
  description: "Get running and latest version.",
  middleware: [requireSuperuser] as const,
  responses: responses(Version),
});

export function registerVersion(api: OpenAPIHono<AppEnv>) {
  // The reference server cannot look up newer releases (no outside network), so "latest" is the running version.
  api.openapi(route, (c) =>
    c.json(
      {
        version_current: version,
        version_latest: version,
        version_latest_valid: false,
        build_hash: "",
        outdated: false,
        outpost_outdated: false,
      },
      200,
    ),
  );
}
