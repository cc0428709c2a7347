import type { Plugin } from "vite";

/**
 * Writes the page's stylesheets into the page itself (`<style>`), so its first paint waits for no
 * other request; the server allows them by their CSP hashes (server/http/flow-page.ts).
 */
export function inlinePageCss(page: string): Plugin {
  return {
    name: "ak-inline-page-css",
    transformIndexHtml: {
      order: "post",
      handler(html, { filename, bundle }) {
        if (!bundle || !filename.endsWith(page)) return;
        return html.replace(/<link rel="stylesheet" crossorigin href="[^"]*\/(assets\/[^"]+\.css)">/g, (_link, file: string) => {
          const asset = bundle[file];
          if (asset?.type !== "asset") throw new Error(`${page} links ${file}, which is not in the build.`);
          return `<style>${String(asset.source).trim()}</style>`;
        });
      },
    },
  };
}
