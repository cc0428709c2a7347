/** How long the provider has to answer one request from this server. */
const timeoutMs = 10_000;

type Json = Record<string, unknown>;

async function send(url: string, init: RequestInit): Promise<{ status: number; body: Json | undefined }> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: "error", signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new Error(`${new URL(url).host} could not be reached${cause ? ` (${cause})` : ""}.`);
  }
  const body = await response.json().catch(() => undefined);
  return { status: response.status, body: typeof body === "object" && body !== null ? (body as Json) : undefined };
}

/** GETs a JSON object from the provider; throws when there is none. */
export async function getJson(url: string, headers: Record<string, string> = {}): Promise<Json> {
  const { status, body } = await send(url, { headers: { accept: "application/json", ...headers } });
  if (status < 200 || status >= 300) throw new Error(`${new URL(url).host} answered HTTP ${status}.`);
  if (!body) throw new Error(`${new URL(url).host} did not answer with a JSON object.`);
  return body;
}

/** POSTs a form to the provider and returns its status and JSON answer, error answers included. */
export const postForm = (url: string, form: URLSearchParams, headers: Record<string, string> = {}) =>
  send(url, { method: "POST", body: form, headers: { accept: "application/json", ...headers } });
