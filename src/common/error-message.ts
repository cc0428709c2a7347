import { msg, str } from "@lit/localize";
import { ApiError, ForbiddenError, NetworkError, ServerError, ValidationError } from "../api/errors.ts";

/**
 * A sentence to show for an error from the API client, in the user's language. The server's own
 * `detail` is shown (as text) only where it explains a refusal; everything else gets our wording.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof NetworkError) return msg("The server could not be reached. Check your connection and try again.");
  if (err instanceof ForbiddenError) return err.detail ? msg(str`Not allowed: ${err.detail}`) : msg("You are not allowed to see this.");
  if (err instanceof ValidationError) return err.message;
  if (err instanceof ServerError) {
    return err.status > 0 ? msg(str`The server failed to answer (HTTP ${err.status}).`) : msg("The server's answer could not be read.");
  }
  if (err instanceof ApiError) return msg(str`Unexpected response from the server (HTTP ${err.status}).`);
  return msg("Something went wrong.");
}
