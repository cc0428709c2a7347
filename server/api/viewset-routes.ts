import { createRoute, z, type RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.ts";
import { createdResponses, jsonBody, noContentResponses, objectResponses, paginated, responses } from "./common.ts";

/** What every route of one authentik model viewset shares. */
export interface ViewSetRouteBase<P extends z.ZodObject, M extends z.ZodType> {
  /** The OpenAPI tag, e.g. `flows`. */
  tag: string;
  /** The routes' description, e.g. `FlowStageBinding Viewset`. */
  description: string;
  middleware: MiddlewareHandler<AppEnv>;
  /** The list's path, e.g. `/flows/bindings/`; operation ids are made from it, e.g. `flows_bindings_list`. */
  path: string;
  /** The one path parameter that names an object, e.g. `uuidLookup("fsb_uuid", "Flow Stage Binding")`. */
  params: P;
  /** The object as the API shows it. */
  Model: M;
}

/** The path parameter of a model whose objects are named by uuid, described as authentik describes it. */
export const uuidLookup = <K extends string>(name: K, verboseName: string) =>
  z.object({ [name]: z.uuid().openapi({ description: `A UUID string identifying this ${verboseName}.` }) } as Record<K, z.ZodUUID>);

/**
 * The OpenAPI routes of a model viewset: list and create on its path, retrieve, update, partial update
 * and destroy on `<path>{<param>}/`.
 */
export function viewSetRoutes<P extends z.ZodObject, M extends z.ZodType>(base: ViewSetRouteBase<P, M>) {
  const { path, params, Model } = base;
  const common = { tags: [base.tag], description: base.description, middleware: base.middleware };
  const itemPath = `${path}{${Object.keys(params.shape)[0]}}/`;
  const operationId = (action: string) => `${path.replace(/^\/|\/$/g, "").replaceAll("/", "_")}_${action}`;

  return {
    list: <Q extends z.ZodObject>(query: Q, listName: string) =>
      createRoute({ ...common, method: "get", path, operationId: operationId("list"), request: { query }, responses: responses(paginated(Model, listName)) }),
    create: <B extends z.ZodType>(schema: B) =>
      createRoute({ ...common, method: "post", path, operationId: operationId("create"), request: jsonBody(schema), responses: createdResponses(Model) }),
    retrieve: () =>
      createRoute({ ...common, method: "get", path: itemPath, operationId: operationId("retrieve"), request: { params }, responses: objectResponses(Model) }),
    /** PUT (`update`) or PATCH (`partial_update`); only a PUT must have a body unless `bodyRequired` says so. */
    update: <Method extends "put" | "patch", B extends z.ZodType>(method: Method, schema: B, { bodyRequired = method === "put" } = {}) =>
      createRoute({
        ...common,
        method,
        path: itemPath,
        operationId: operationId(method === "put" ? "update" : "partial_update"),
        request: { params, body: { content: { "application/json": { schema } }, required: bodyRequired } },
        responses: objectResponses(Model),
      }),
    /** An action on one object, e.g. `set_password`: POST `<path>{<param>}/set_password/`, operation `<prefix>_set_password_create`. */
    action: <R extends { body?: ReturnType<typeof jsonBody>["body"] }, S extends RouteConfig["responses"]>(
      name: string,
      description: string,
      request: R,
      responses: S,
    ) =>
      createRoute({
        ...common,
        method: "post",
        path: `${itemPath}${name}/`,
        operationId: operationId(`${name}_create`),
        description,
        request: { params, ...request },
        responses,
      }),
    destroy: () =>
      createRoute({ ...common, method: "delete", path: itemPath, operationId: operationId("destroy"), request: { params }, responses: noContentResponses() }),
  };
}
