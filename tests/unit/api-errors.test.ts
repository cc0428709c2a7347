import { describe, expect, it } from "vitest";
import { unwrap } from "../../src/api/client.ts";
import { ForbiddenError, NetworkError, ServerError, ValidationError } from "../../src/api/errors.ts";

const answer = (status: number, body: unknown) =>
  Promise.resolve({
    data: status < 400 ? body : undefined,
    error: status >= 400 ? body : undefined,
    response: new Response(null, { status: status === 204 ? 204 : status }),
  });

describe("unwrap", () => {
  it("returns the data of a successful response", async () => {
    await expect(unwrap(answer(200, { ok: 1 }))).resolves.toEqual({ ok: 1 });
  });

  it("maps a 400 to field errors and non-field errors", async () => {
    const error = (await unwrap(answer(400, { username: ["Taken."], non_field_errors: ["Nope."], code: "invalid" })).catch((e) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fields).toEqual({ username: ["Taken."] });
    expect(error.nonFieldErrors).toEqual(["Nope."]);
    expect(error.message).toBe("Nope.");
  });

  it("maps a 403 to a ForbiddenError carrying the server's detail", async () => {
    const error = await unwrap(answer(403, { detail: "Not allowed.", code: "permission_denied" })).catch((e) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ detail: "Not allowed.", code: "permission_denied", status: 403 });
  });

  it("maps a 5xx to a ServerError", async () => {
    await expect(unwrap(answer(502, undefined))).rejects.toBeInstanceOf(ServerError);
  });

  it("keeps a NetworkError from the middleware, and turns an unreadable body into a ServerError", async () => {
    await expect(unwrap(Promise.reject(new NetworkError()))).rejects.toBeInstanceOf(NetworkError);
    await expect(unwrap(Promise.reject(new SyntaxError("Unexpected token <")))).rejects.toBeInstanceOf(ServerError);
  });
});
