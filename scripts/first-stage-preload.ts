import type { Plugin, Rolldown } from "vite";

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/**
 * Most flows open with identification, so the flow page names that stage's chunks in
 * `<link rel="modulepreload">`: the browser fetches them beside the page's own script instead of
 * after it has run.
 */
export function firstStagePreload(page: string, stageModule: string): Plugin {
  let base = "/";
  return {
    name: "ak-first-stage-preload",
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: "post",
      handler(_html, { filename, bundle, chunk: pageChunk }) {
        if (!bundle || !pageChunk || !filename.endsWith(page)) return;
        const stage = Object.values(bundle).find(
          (item): item is OutputChunk => item.type === "chunk" && Boolean(item.facadeModuleId?.endsWith(stageModule)),
        );
        if (!stage) throw new Error(`${stageModule} is not a chunk of the build, so ${page} cannot preload it.`);
        const loaded = new Set([pageChunk.fileName, ...staticImports(bundle, pageChunk)]);
        const files = [stage.fileName, ...staticImports(bundle, stage)].filter((file) => !loaded.has(file));
        return files.map((file) => ({
          tag: "link",
          attrs: { rel: "modulepreload", crossorigin: true, href: `${base}${file}` },
          injectTo: "head" as const,
        }));
      },
    },
  };
}

/** Every chunk `chunk` imports statically, directly or through others. */
function staticImports(bundle: OutputBundle, chunk: OutputChunk, seen = new Set<string>()): Set<string> {
  for (const file of chunk.imports) {
    const imported = bundle[file];
    if (seen.has(file) || imported?.type !== "chunk") continue;
    seen.add(file);
    staticImports(bundle, imported, seen);
  }
  return seen;
}
