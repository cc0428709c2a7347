/**
 * What each page downloads, read from Vite's build manifest (`build.manifest`): an entry's chunk,
 * everything it imports statically, and the CSS those chunks pull in. The bench prints these
 * figures and `budgets.test.ts` asserts them.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Manifest } from "vite";

export interface Size {
  raw: number;
  /** Each file compressed on its own, as a server compresses each response. */
  gzip: number;
  files: string[];
}

export interface PageSize {
  js: Size;
  css: Size;
}

export interface StageSize extends PageSize {
  /** The stage's module, e.g. `src/flow/stages/ak-stage-password.ts`. */
  module: string;
  /** Its own chunk in the build. */
  chunk: string;
}

export interface BundleSizes {
  /** The login page until the identification stage can render. */
  login: PageSize;
  /** The admin interface before any route's lazy chunk. */
  admin: PageSize;
  /** Each stage: its chunk plus what it imports that the login page has not already loaded. */
  stages: StageSize[];
}

export const stagesDir = "src/flow/stages/";
export const identificationStage = `${stagesDir}ak-stage-identification.ts`;

export async function bundleSizes(distDir: string): Promise<BundleSizes> {
  const manifest = JSON.parse(await readFile(join(distDir, ".vite/manifest.json"), "utf8")) as Manifest;
  const files = (roots: string[]) => filesOf(manifest, staticClosure(manifest, roots));
  const measure = async (list: Files): Promise<PageSize> => ({
    js: await measureFiles(distDir, list.js),
    css: await measureFiles(distDir, list.css),
  });

  const flow = files(["flow.html"]);
  const stageModules = Object.keys(manifest)
    .filter((key) => manifest[key].isDynamicEntry && manifest[key].src?.startsWith(stagesDir))
    .sort();
  const stages: StageSize[] = [];
  for (const module of stageModules) {
    const own = files([module]);
    stages.push({
      module,
      chunk: manifest[module].file,
      ...(await measure({ js: without(own.js, flow.js), css: without(own.css, flow.css) })),
    });
  }
  const login = files(["flow.html", identificationStage]);
  return {
    login: await measure({ ...login, js: [...login.js, ...(await classicScripts(distDir, "flow.html"))] }),
    admin: await measure(files(["admin.html"])),
    stages,
  };
}

/** Scripts the page names outside Vite's module graph (files of public/, e.g. early-submit.js). */
async function classicScripts(distDir: string, page: string): Promise<string[]> {
  const html = await readFile(join(distDir, page), "utf8");
  return [...html.matchAll(/<script (?:async )?src="\/static\/dist\/([^"]+)"/g)].map((m) => m[1]);
}

/** The manifest keys of `roots` and of every chunk they import statically, at any depth. */
export function staticClosure(manifest: Manifest, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`"${key}" is not in the Vite manifest`);
    seen.add(key);
    chunk.imports?.forEach(visit);
  };
  roots.forEach(visit);
  return seen;
}

interface Files {
  js: string[];
  css: string[];
}

function filesOf(manifest: Manifest, keys: Set<string>): Files {
  const chunks = [...keys].map((key) => manifest[key]);
  return {
    js: unique(chunks.map((chunk) => chunk.file).filter((file) => file.endsWith(".js"))),
    css: unique(chunks.flatMap((chunk) => [...(chunk.css ?? []), ...(chunk.file.endsWith(".css") ? [chunk.file] : [])])),
  };
}

async function measureFiles(distDir: string, files: string[]): Promise<Size> {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = await readFile(join(distDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip, files };
}

const unique = (list: string[]) => [...new Set(list)].sort();
const without = (list: string[], loaded: string[]) => list.filter((file) => !loaded.includes(file));
