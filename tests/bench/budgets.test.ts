import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUi } from "./build.ts";
import { budgets, kB } from "./budgets.ts";
import { bundleSizes, identificationStage, type BundleSizes } from "./bundle-sizes.ts";

let outDir: string;
let sizes: BundleSizes;

// A build of its own, so this test never depends on another step having built dist/.
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "ak-budgets-"));
  await buildUi(outDir);
  sizes = await bundleSizes(outDir);
}, 120_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe("bundle size budgets (gzip)", () => {
  it("finds the stage chunks, the identification stage's among them", () => {
    const modules = sizes.stages.map((stage) => stage.module);
    expect(modules).toContain(identificationStage);
    expect(modules).toContain("src/flow/stages/ak-stage-password.ts");
    const identification = sizes.stages.find((stage) => stage.module === identificationStage)!;
    expect(sizes.login.js.files).toContain(identification.chunk);
  });

  it("names every JS file the login page needs in flow.html, so none waits for a script to run first", async () => {
    const page = await readFile(join(outDir, "flow.html"), "utf8");
    const named = [...page.matchAll(/<(?:script|link rel="modulepreload")[^>]* (?:src|href)="\/static\/dist\/([^"]+)"/g)].map((m) => m[1]);
    expect(named.sort()).toEqual([...sizes.login.js.files].sort());
  });

  it(`the login page needs at most ${budgets.loginJs / kB} kB of JS to show the identification stage`, () => {
    expect(sizes.login.js.gzip).toBeGreaterThan(0);
    expect(sizes.login.js.gzip).toBeLessThanOrEqual(budgets.loginJs);
  });

  it(`each stage chunk, with the imports only it brings, is at most ${budgets.stageJs / kB} kB`, () => {
    const over = sizes.stages.filter((stage) => stage.js.gzip > budgets.stageJs).map((stage) => `${stage.module}: ${stage.js.gzip} B`);
    expect(over).toEqual([]);
  });

  it(`the admin interface's first load is at most ${budgets.adminJs / kB} kB of JS`, () => {
    expect(sizes.admin.js.gzip).toBeGreaterThan(0);
    expect(sizes.admin.js.gzip).toBeLessThanOrEqual(budgets.adminJs);
  });

  it("keeps CodeMirror out of the admin interface's first load: it is a lazy chunk of its own", async () => {
    const manifest = JSON.parse(await readFile(join(outDir, ".vite/manifest.json"), "utf8")) as Record<string, { file: string; isDynamicEntry?: boolean }>;
    const editor = manifest["src/elements/code-editor/codemirror-view.ts"];
    expect(editor?.isDynamicEntry).toBe(true);
    expect(sizes.admin.js.files).not.toContain(editor.file);
  });
});
