import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../scripts/openapi.ts";

/** The 1-based line where two texts first differ, to point at the stale part. */
function firstDifference(a: string, b: string): number {
  const left = a.split("\n");
  const right = b.split("\n");
  const index = left.findIndex((line, i) => line !== right[i]);
  return (index === -1 ? left.length : index) + 1;
}

describe("generated contract files", () => {
  let generated: Awaited<ReturnType<typeof generate>>;
  beforeAll(async () => {
    generated = await generate();
  });

  it.each([
    { path: "openapi/schema.yml", part: "schema" as const },
    { path: "src/api/schema.d.ts", part: "types" as const },
  ])("$path is what `npm run openapi` writes from the server's routes", async ({ path, part }) => {
    const onDisk = await readFile(new URL(`../../${path}`, import.meta.url), "utf8").catch(() => "");
    const expected = generated[part];
    const message = `${path} is stale (first difference at line ${firstDifference(onDisk, expected)}). Run "npm run openapi" and commit the result.`;
    expect(onDisk === expected, message).toBe(true);
  });
});
