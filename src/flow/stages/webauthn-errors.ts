import { msg, str } from "@lit/localize";

/**
 * What to tell the user when the browser's WebAuthn call fails, by the DOMException's name
 * (@simplewebauthn/browser keeps it on the errors it wraps).
 */
export function webauthnFailure(error: unknown, registering: boolean): string {
  const name = error instanceof Error ? error.name : "";
  switch (name) {
    case "NotAllowedError":
      return msg("The request was cancelled or timed out. Try again when your passkey or security key is ready.");
    case "AbortError":
      return msg("The request was cancelled.");
    case "InvalidStateError":
      return registering
        ? msg("This passkey or security key is already registered to your account.")
        : msg("This passkey or security key cannot be used here.");
    case "NotSupportedError":
      return msg("Your passkey or security key does not support what this site asks for. Try another one.");
    case "SecurityError":
      return msg("The browser refused: passkeys cannot be used at this site's address. Contact your administrator.");
    default:
      return msg(str`The browser could not complete the request: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export const webauthnUnavailable = () =>
  msg("This browser cannot use passkeys or security keys. Try another browser, or another way to sign in.");
