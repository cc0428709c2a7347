import type { Context } from "hono";
import type { AppEnv } from "../context.ts";
import { flowCurrentChallenge } from "../api/flows/executor.ts";
import { FlowNotFound } from "../flows/executor.ts";
import { currentBrandBody } from "../api/core/brands.ts";

/**
 * Writes the flow's current challenge and the brand into the flow page, as the executor and brand
 * endpoints would answer them, so the first stage shows without another round trip (src/flow/page-data.ts
 * reads them). A JSON data
 * block is never run (the CSP allows no inline script), and every `<` is escaped so server data
 * cannot close the block. An unknown flow is left out: the UI asks for it and shows the 404.
 */
export async function withFlowPageData(c: Context<AppEnv>, html: string, slug: string, query: string): Promise<string> {
  const [challenge, brand] = await Promise.all([flowCurrentChallenge(c, slug, query), currentBrandBody(c)]);
  const data = { challenge: challenge instanceof FlowNotFound ? undefined : challenge, brand };
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return html.replace("</head>", `  <script type="application/json" id="ak-flow-data">${json}</script>\n  </head>`);
}
