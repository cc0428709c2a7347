import { fileURLToPath } from "node:url";
import { build } from "vite";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Builds the UI as `npm run build` does, but into `outDir`, so a running server's dist/ is left alone. */
export async function buildUi(outDir: string): Promise<void> {
  // Vitest sets NODE_ENV=test, under which Vite would bundle Lit's larger development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ root, mode: "production", logLevel: "warn", build: { outDir, emptyOutDir: true, manifest: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
