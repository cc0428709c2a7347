import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context.ts";
import { registerVersion } from "./admin/version.ts";
import { registerApplications } from "./core/applications.ts";
import { registerBrands } from "./core/brands.ts";
import { registerGroups } from "./core/groups.ts";
import { registerUsers } from "./core/users.ts";
import { registerExecutor } from "./flows/executor.ts";
import { registerFlowBindings } from "./flows/bindings.ts";
import { registerFlowInstanceDetail } from "./flows/instance-detail.ts";
import { registerFlowInstances } from "./flows/instances.ts";

/** The `/api/v3` application: every route declared with its OpenAPI description. */
export function createApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>({
    // Invalid input is answered as authentik does: 400 with the messages under each field's name.
    defaultHook: (result, c) => {
      if (result.success) return;
      const errors: Record<string, string[]> = {};
      for (const issue of result.error.issues) {
        const field = issue.path.length ? String(issue.path[0]) : "non_field_errors";
        (errors[field] ??= []).push(issue.message);
      }
      return c.json(errors, 400);
    },
  });
  for (const register of [
    registerVersion,
    registerApplications,
    registerBrands,
    registerGroups,
    registerUsers,
    registerExecutor,
    registerFlowInstances,
    registerFlowInstanceDetail,
    registerFlowBindings,
  ]) {
    register(api);
  }
  api.notFound((c) => c.json({ detail: "Not found.", code: "not_found" }, 404));
  return api;
}

export function openApiDocument(api: OpenAPIHono<AppEnv>) {
  return api.getOpenAPIDocument({
    openapi: "3.0.3",
    info: {
      title: "ak-web reference server",
      version: "3",
      description: "The part of authentik's API that ak-web uses, as served by its embedded reference server.",
    },
    servers: [{ url: "/api/v3" }],
  });
}
