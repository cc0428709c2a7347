import { appendFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { createAdaptorServer } from "@hono/node-server";
import { createApp } from "./app.ts";
import { ConfigError, readConfig } from "./config.ts";
import { openDatabase } from "./db/client.ts";
import { bootstrap } from "./db/bootstrap.ts";
import type { FlowObserver } from "./context.ts";

async function main() {
  const config = readConfig();
  if (!existsSync(join(config.distDir, "flow.html"))) {
    throw new ConfigError(`The UI is not built (no ${join(config.distDir, "flow.html")}). Run "npm run build" first.`);
  }
  const database = await openDatabase(config);
  const boot = await bootstrap(database.db, { password: config.bootstrapPassword, email: config.bootstrapEmail });
  const app = createApp({
    db: database.db,
    secureCookies: config.secureCookies,
    observer: config.challengeLog ? challengeLog(config.challengeLog) : undefined,
    distDir: config.distDir,
  });
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  }).catch(async (err: NodeJS.ErrnoException) => {
    await database.close();
    if (err.code === "EADDRINUSE") throw new ConfigError(`Port ${config.port} is already in use. Set AK_PORT to a free port.`);
    if (err.code === "EACCES") throw new ConfigError(`Not allowed to listen on port ${config.port}. Set AK_PORT to a port above 1024.`);
    throw err;
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}/`;
  console.log(`ak-web is running at ${url}`);
  console.log(`Database: ${database.describe}`);
  if (boot.generatedPassword) {
    console.log(`Sign in as "akadmin" with the generated password: ${boot.generatedPassword}`);
    console.log("It is shown only this once. Set AUTHENTIK_BOOTSTRAP_PASSWORD before the first start to choose it.");
  } else if (boot.createdAdmin) {
    console.log('Sign in as "akadmin" with the password from AUTHENTIK_BOOTSTRAP_PASSWORD.');
  } else {
    console.log('Sign in as "akadmin" (or any user you created) with its password.');
  }
  const stop = () => {
    server.close();
    void database.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/** Appends every challenge and response to a JSON-lines file, for the contract tests. */
function challengeLog(path: string): FlowObserver {
  const write = (kind: string, body: unknown) => appendFileSync(path, JSON.stringify({ kind, body }) + "\n");
  return { challenge: (body) => write("challenge", body), response: (body) => write("response", body) };
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(`ak-web cannot start: ${err.message}`);
  } else {
    console.error("ak-web cannot start:", err);
  }
  process.exit(1);
});
