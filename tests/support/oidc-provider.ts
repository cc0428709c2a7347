import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair } from "jose";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

/** The one account the test provider knows. */
export interface ProviderAccount {
  sub: string;
  username: string;
  password: string;
  email: string;
  name: string;
}

export interface TestProvider {
  /** The issuer, e.g. `http://127.0.0.1:41234`. */
  issuer: string;
  wellKnownUrl: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

const clientId = "ak-web-source";
const clientSecret = "ak-web-source-secret-0123456789abcdef";

/**
 * A real OpenID Connect provider (the certified `oidc-provider` package) on its own loopback port,
 * for signing in through an OAuth source: one confidential client (client_secret_post, PKCE
 * required) allowed to come back to `redirectUris`, and one account, which signs in on a plain,
 * accessible form of this file's own (or cancels there). Consent is implied for this first-party client.
 */
export async function startOidcProvider(account: ProviderAccount, redirectUris: string[]): Promise<TestProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, token_endpoint_auth_method: "client_secret_post" }],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: "RS256", use: "sig" }] },
    cookies: { keys: ["test-provider-cookie-key"] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "preferred_username"] },
    async findAccount(_ctx, sub) {
      if (sub !== account.sub) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: account.email, email_verified: true, name: account.name, preferred_username: account.username }),
      };
    },
    loadExistingGrant: grantAll,
  });
  server.on("request", (req, res) => {
    const interaction = /^\/interaction\/([^/]+)\/?(login|abort)?$/.exec(new URL(req.url ?? "/", issuer).pathname);
    if (!interaction) return provider.callback()(req, res);
    interact(provider, account, req, res, interaction[2]).catch((error: Error) => {
      res.statusCode = 500;
      res.end(error.message);
    });
  });

  return {
    issuer,
    wellKnownUrl: `${issuer}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The visitor's existing grant, else one of every scope asked for: a first-party client needs no consent. */
async function grantAll(ctx: KoaContextWithOIDC) {
  const { client, session, params } = ctx.oidc;
  const grantId = ctx.oidc.result?.consent?.grantId ?? (client && session?.grantIdFor(client.clientId));
  if (grantId) return ctx.oidc.provider.Grant.find(grantId);
  const grant = new ctx.oidc.provider.Grant({ clientId: client!.clientId, accountId: session!.accountId });
  grant.addOIDCScope(String(params?.scope ?? "openid"));
  await grant.save();
  return grant;
}

async function interact(provider: Provider, account: ProviderAccount, req: IncomingMessage, res: ServerResponse, action?: string) {
  const details = await provider.interactionDetails(req, res);
  if (action === "abort") {
    return provider.interactionFinished(req, res, { error: "access_denied", error_description: "End-User aborted interaction" }, { mergeWithLastSubmission: false });
  }
  if (action === "login") {
    const form = new URLSearchParams(await bodyOf(req));
    if (form.get("username") === account.username && form.get("password") === account.password) {
      return provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
    }
    return sendLoginPage(res, details.uid, "Wrong username or password.");
  }
  return sendLoginPage(res, details.uid);
}

function sendLoginPage(res: ServerResponse, uid: string, error?: string) {
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.end(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in at the test provider</title></head>
<body>
<main>
<h1>Sign in at the test provider</h1>
${error ? `<p role="alert">${error}</p>` : ""}
<form method="post" action="/interaction/${uid}/login">
<p><label for="username">Provider username</label> <input id="username" name="username" autocomplete="username" required></p>
<p><label for="password">Provider password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Sign in at the provider</button></p>
</form>
<form method="post" action="/interaction/${uid}/abort"><p><button type="submit">Cancel</button></p></form>
</main>
</body>
</html>`);
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return body;
}
