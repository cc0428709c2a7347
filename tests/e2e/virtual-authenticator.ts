import type { CDPSession, Page } from "@playwright/test";

type AuthenticatorOptions = { hasUserVerification?: boolean; isUserVerified?: boolean };

/** WebAuthn needs a domain: an IP address cannot be a relying party, so passkey tests use localhost. */
export const passkeySite = (baseURL: string) => baseURL.replace("127.0.0.1", "localhost");

/**
 * Gives the page's browser a platform authenticator (Chromium's virtual one, over CDP) that keeps
 * discoverable credentials and answers every prompt at once, as a user touching it would.
 */
export async function addVirtualAuthenticator(page: Page, options: AuthenticatorOptions = {}): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
      ...options,
    },
  });
  return { cdp, authenticatorId };
}
