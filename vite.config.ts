import { defineConfig, type Plugin } from "vite";

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

export default defineConfig({
  base: "/static/dist/",
  plugins: [interfaceUrls()],
  build: {
    outDir: "dist",
    target: "es2022",
    modulePreload: { polyfill: false },
    rollupOptions: { input: { flow: "flow.html", user: "user.html", admin: "admin.html" } },
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      ["/api", "/flows", "/application", "/media", "/ws"].map((path) => [path, { target: backend, changeOrigin: true, ws: path === "/ws" }]),
    ),
  },
});
