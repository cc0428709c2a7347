import type { ClientRequest, IncomingMessage } from "node:http";
import { defineConfig, type Plugin, type ProxyOptions } from "vite";
import { firstStagePreload } from "./scripts/first-stage-preload.ts";
import { inlinePageCss } from "./scripts/inline-page-css.ts";

/** The server every non-UI request goes to in development: a real authentik, or the reference server. */
const backend = process.env.AUTHENTIK_URL ?? `http://127.0.0.1:${process.env.AK_PORT ?? 9000}`;

/** In development, serve each interface's page at its authentik URL, as the server does in production. */
function interfaceUrls(): Plugin {
  const pages: [RegExp, string][] = [
    [/^\/if\/flow\/[^/]+\/?/, "/static/dist/flow.html"],
    [/^\/if\/user\//, "/static/dist/user.html"],
    [/^\/if\/admin\//, "/static/dist/admin.html"],
  ];
  return {
    name: "ak-interface-urls",
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const match = pages.find(([pattern]) => pattern.test(req.url ?? ""));
        if (match) req.url = match[1];
        next();
      });
    },
  };
}

/**
 * What a reverse proxy in front of authentik sends to authentik, the development server sends to
 * the backend: the API, flow and provider URLs, social-login sources, uploaded media, websockets and
 * authentik's own images (default logo, icons, flow background, source icons).
 */
const backendPaths = ["/api/", "/flows/", "/application/", "/source/", "/media/", "/ws/", "/static/authentik/", "/static/dist/assets/"];

function backendProxy(): Record<string, ProxyOptions> {
  const backendOrigin = new URL(backend).origin;
  // With changeOrigin the backend sees its own Host, so a request from this page would fail its
  // cross-origin check; present this server's own origin as the backend's, and no other.
  const sameOrigin = (proxyReq: ClientRequest, req: IncomingMessage) => {
    const origin = req.headers.origin;
    if (origin && URL.canParse(origin) && new URL(origin).host === req.headers.host) proxyReq.setHeader("origin", backendOrigin);
  };
  return Object.fromEntries(
    backendPaths.map((path) => [
      path,
      {
        target: backend,
        changeOrigin: true,
        ws: path === "/ws/",
        configure: (proxy) => {
          proxy.on("proxyReq", sameOrigin);
          proxy.on("proxyReqWs", sameOrigin);
        },
      },
    ]),
  );
}

/**
 * Fewer, larger files for the login page: Lit and its directives (with Vite's preload helper) in one
 * chunk, the pieces all stages share in another. On a cold load each file is a request, and the
 * requests, not the bytes, are what the page waits for.
 */
const loginChunkGroups = [
  // With Lit's hydration support, which must run before LitElement is defined.
  { name: "lit", test: /\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element|@lit-labs\/ssr-client)\/|vite\/preload-helper/ },
  { name: "stage-common", test: /\/src\/flow\/stages\/(form-field|stage-styles)\.ts$/ },
];

export default defineConfig({
  base: "/static/dist/",
  plugins: [interfaceUrls(), firstStagePreload("flow.html", "src/flow/stages/ak-stage-identification.ts"), inlinePageCss("flow.html")],
  build: {
    outDir: "dist",
    // dist/.vite/manifest.json: which chunks each page loads, for the bench and the size budgets.
    manifest: true,
    target: "es2022",
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { flow: "flow.html", user: "user.html", admin: "admin.html" },
      output: { codeSplitting: { groups: loginChunkGroups } },
    },
  },
  server: {
    port: 5173,
    proxy: backendProxy(),
  },
});
