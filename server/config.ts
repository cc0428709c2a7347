import { resolve } from "node:path";

/** A problem with how ak-web was configured: reported as one line, without a stack trace. */
export class ConfigError extends Error {}

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  bootstrapPassword?: string;
  bootstrapEmail?: string;
  /** Where the built UI lives. */
  distDir: string;
  /** When set, every challenge and challenge response is appended to this file as JSON lines (contract tests). */
  challengeLog?: string;
  /** Treat the server as reached over HTTPS (sets the Secure flag on cookies). */
  secureCookies: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.AK_PORT ?? 9000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`AK_PORT must be a port number from 0 to 65535, not "${env.AK_PORT}".`);
  }
  return {
    host: env.AK_HOST ?? "127.0.0.1",
    port,
    dataDir: resolve(env.AK_DATA_DIR ?? "data"),
    databaseUrl: env.DATABASE_URL || undefined,
    bootstrapPassword: env.AUTHENTIK_BOOTSTRAP_PASSWORD || undefined,
    bootstrapEmail: env.AUTHENTIK_BOOTSTRAP_EMAIL || undefined,
    distDir: resolve(env.AK_DIST_DIR ?? "dist"),
    challengeLog: env.AK_CHALLENGE_LOG || undefined,
    secureCookies: env.AK_SECURE_COOKIES === "true",
  };
}
