import { createHash } from "node:crypto";
import type { Context } from "hono";
import type { AppEnv } from "../context.ts";
import { escapeHtml } from "./escape-html.ts";
import { flowCurrentChallenge } from "../api/flows/executor.ts";
import { FlowNotFound, type ChallengeBody } from "../flows/executor.ts";
import { currentBrandBody } from "../api/core/brands.ts";
import type { RenderedFlowPage } from "../../src/flow/server-render.ts";

let renderer: Promise<typeof import("../../src/flow/server-render.ts")> | undefined;

/** Loads the UI's own server renderer; called when the interfaces are set up, so no visitor waits for it. */
export const loadFlowPageRenderer = () => (renderer ??= import("../../src/flow/server-render.ts"));

const cspHash = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

type Brand = Awaited<ReturnType<typeof currentBrandBody>>;

/**
 * The flow page as its first stage looks: the executor and stage rendered here (declarative shadow
 * DOM), so the stage is usable before the page's scripts have run, and the challenge and brand it
 * was rendered from, as the executor and brand endpoints answer them, for the scripts to take over
 * with (src/flow/page-data.ts). The data block is never run (the CSP allows no inline script); every
 * `<` in it is escaped so server data cannot close it. The page's inline styles are allowed by their
 * hashes. An unknown flow is left out: the UI asks for it and shows the 404.
 */
export async function renderFlowPage(c: Context<AppEnv>, html: string, slug: string, query: string): Promise<string> {
  const [result, brand] = await Promise.all([flowCurrentChallenge(c, slug, query), currentBrandBody(c)]);
  const challenge = result instanceof FlowNotFound ? undefined : result;
  const json = JSON.stringify({ challenge, brand }).replace(/</g, "\\u003c");
  let page = html.replace("</head>", `  <script type="application/json" id="ak-flow-data">${json}</script>\n  </head>`);
  if (challenge) page = await withRenderedStage(page, json, challenge, brand, slug);
  const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  c.set("inlineStyleHashes", [...new Set(styles.map(cspHash))]);
  return page;
}

/** Rendered pages by the data they were rendered from: most visitors see the same first stage. */
const renderedPages = new Map<string, Promise<RenderedFlowPage | undefined>>();
const renderedPagesKept = 100;

function render(json: string, challenge: ChallengeBody, brand: Brand): Promise<RenderedFlowPage | undefined> {
  let rendered = renderedPages.get(json);
  if (!rendered) {
    rendered = loadFlowPageRenderer().then((r) => r.renderFlowPage(challenge as never, brand));
    rendered.catch(() => renderedPages.delete(json));
    if (renderedPages.size >= renderedPagesKept) renderedPages.delete(renderedPages.keys().next().value!);
    renderedPages.set(json, rendered);
  }
  return rendered;
}

async function withRenderedStage(page: string, json: string, challenge: ChallengeBody, brand: Brand, slug: string): Promise<string> {
  try {
    const rendered = await render(json, challenge, brand);
    if (!rendered) return page;
    return page
      .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(rendered.title)}</title>`)
      .replace("<ak-flow-executor></ak-flow-executor>", rendered.executor);
  } catch (error) {
    // The scripts render the page from the data instead: later, but the same page.
    console.error(`flow ${slug}: the page could not be rendered on the server:`, error);
    return page;
  }
}
