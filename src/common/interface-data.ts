import { loadBrand, type CurrentBrand } from "./brand.ts";
import { loadSession, sendToSignIn, type SessionUser } from "./session.ts";

/** What every signed-in interface needs before it can show anything. */
export interface InterfaceData {
  /** Null while the browser is on its way to sign in. */
  readonly session: SessionUser | null;
  /** Undefined when the brand could not be loaded: the interface still works, with default branding. */
  readonly brand: CurrentBrand | undefined;
}

/** Loads who is signed in and the brand together; a signed-out visitor is sent to sign in and back. */
export async function loadInterfaceData(signal: AbortSignal): Promise<InterfaceData> {
  const [session, brand] = await Promise.all([loadSession(signal), loadBrand(signal).catch(() => undefined)]);
  if (!session) sendToSignIn();
  return { session, brand };
}
