/** What the visitor does on the test provider's sign-in form. */
export type ProviderAnswer = { username: string; password: string } | "cancel";

/**
 * Signs in at the test provider (tests/support/oidc-provider.ts) over plain HTTP, as a browser
 * would: opens the authorization URL, answers the provider's form (when it shows one), and follows
 * the provider's redirects until one leaves it. Returns that URL: the callback on our server.
 */
export async function signInAtProvider(authorizationUrl: string, answer: ProviderAnswer): Promise<URL> {
  const provider = new URL(authorizationUrl).origin;
  const cookies = new Map<string, string>();
  let request: { url: string; form?: URLSearchParams } = { url: authorizationUrl };
  for (let hop = 0; hop < 12; hop++) {
    const response = await fetch(request.url, {
      method: request.form ? "POST" : "GET",
      body: request.form,
      redirect: "manual",
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; ") },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [name, value] = cookie.split(";")[0].split("=");
      cookies.set(name.trim(), value);
    }
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, request.url);
      if (next.origin !== provider) return next;
      request = { url: next.href };
      continue;
    }
    const uid = /action="\/interaction\/([^/]+)\/login"/.exec(await response.text())?.[1];
    if (!uid) throw new Error(`The provider answered ${response.status} without a form or a redirect.`);
    request =
      answer === "cancel"
        ? { url: `${provider}/interaction/${uid}/abort`, form: new URLSearchParams() }
        : { url: `${provider}/interaction/${uid}/login`, form: new URLSearchParams(answer) };
  }
  throw new Error("The provider kept redirecting.");
}
