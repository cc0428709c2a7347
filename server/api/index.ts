import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context.ts";
import { registerVersion } from "./admin/version.ts";
import { registerAllDevices } from "./authenticators/all-devices.ts";
import { registerDeviceKinds } from "./authenticators/device-routes.ts";
import { registerApplications } from "./core/applications.ts";
import { registerAuthenticatedSessions } from "./core/authenticated-sessions.ts";
import { registerBrands } from "./core/brands.ts";
import { registerGroups } from "./core/groups.ts";
import { registerGroupWrites } from "./core/groups-write.ts";
import { registerUsers } from "./core/users.ts";
import { registerUserWrites } from "./core/users-write.ts";
import { registerExecutor } from "./flows/executor.ts";
import { registerFlowBindings } from "./flows/bindings.ts";
import { registerFlowInstanceDetail } from "./flows/instance-detail.ts";
import { registerFlowInspector } from "./flows/inspector.ts";
import { registerFlowInstances } from "./flows/instances.ts";
import { registerPolicyBindings } from "./policies/bindings.ts";
import { registerDummyPolicies } from "./policies/dummy.ts";
import { registerSignInStages } from "./stages/sign-in-stages.ts";
import { registerPermissions } from "./rbac/permissions.ts";
import { registerRoles } from "./rbac/roles.ts";
import { registerAuthenticatorStages } from "./stages/authenticator-stages.ts";
import { registerEnrollmentStages } from "./stages/enrollment-stages.ts";
import { registerInvitations } from "./stages/invitations.ts";
import { registerPrompts } from "./stages/prompts.ts";
import { registerOutbox } from "./admin/outbox.ts";
import { registerAllSources } from "./sources/all-sources.ts";
import { registerOAuthSources } from "./sources/oauth-sources.ts";
import { registerUserOAuthConnections } from "./sources/user-connections.ts";
import { ChangeRefused, validationErrors } from "./validation.ts";

/** The `/api/v3` application: every route declared with its OpenAPI description. */
export function createApi(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>({
    // Invalid input is answered as authentik does: 400 with the messages under each field's name.
    defaultHook: (result, c) => (result.success ? undefined : c.json(validationErrors(result.error), 400)),
  });
  for (const register of [
    registerVersion,
    registerApplications,
    registerBrands,
    registerGroups,
    registerGroupWrites,
    registerUsers,
    registerUserWrites,
    registerAuthenticatedSessions,
    registerRoles,
    registerPermissions,
    registerExecutor,
    registerFlowInstances,
    registerFlowInstanceDetail,
    registerFlowBindings,
    registerFlowInspector,
    registerPolicyBindings,
    registerDummyPolicies,
    registerSignInStages,
    registerAllDevices,
    registerDeviceKinds,
    registerAuthenticatorStages,
    registerEnrollmentStages,
    registerPrompts,
    registerInvitations,
    registerOutbox,
    registerAllSources,
    registerOAuthSources,
    registerUserOAuthConnections,
  ]) {
    register(api);
  }
  api.onError((err, c) => {
    if (err instanceof ChangeRefused) return c.json(err.errors, 400);
    throw err;
  });
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
