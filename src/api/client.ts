import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema.d.ts";
import { ApiError, ForbiddenError, NetworkError, ServerError, ValidationError } from "./errors.ts";

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  return document.cookie
    .split("; ")
    .find((c) => c.startsWith(prefix))
    ?.slice(prefix.length);
}

/** Echoes the CSRF cookie in the header authentik expects on every unsafe request. */
const csrf: Middleware = {
  onRequest({ request }) {
    const token = readCookie("authentik_csrf");
    if (token && unsafeMethods.has(request.method)) request.headers.set("X-authentik-CSRF", token);
    return request;
  },
};

/** Turns a dropped connection into a NetworkError, so callers deal only in ApiErrors. */
const network: Middleware = {
  onError() {
    return new NetworkError();
  },
};

export const api = createClient<paths>({ baseUrl: "/api/v3" });
api.use(csrf, network);

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

async function settle<T>(request: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await request;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ServerError("The server's answer could not be read.", 0);
  }
}

/** The response's data, or the typed error it stands for. */
export async function unwrap<T>(request: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await settle(request);
  if (response.ok && data !== undefined) return data;
  throw toApiError(response.status, error);
}

/** For answers without a body (204): resolves on success, or throws the typed error. */
export async function unwrapEmpty(request: Promise<Result<unknown>>): Promise<void> {
  const { error, response } = await settle(request);
  if (!response.ok) throw toApiError(response.status, error);
}

function toApiError(status: number, body: unknown): ApiError {
  const object = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  if (status === 400) {
    const { non_field_errors: nonField, code: _code, ...fields } = object;
    const messages = (value: unknown) => (Array.isArray(value) ? value.map(String) : [String(value)]);
    return new ValidationError(
      Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, messages(value)])),
      nonField === undefined ? [] : messages(nonField),
    );
  }
  const detail = typeof object.detail === "string" ? object.detail : undefined;
  if (status === 403) return new ForbiddenError(detail ?? "You are not allowed to do this.", object.code as string | undefined);
  if (status >= 500) return new ServerError(detail ?? `The server failed to answer (HTTP ${status}).`, status);
  return new ApiError(detail ?? `Unexpected response (HTTP ${status}).`, status);
}
