import { render } from "@lit-labs/ssr";
import { collectResult } from "@lit-labs/ssr/lib/render-result.js";
import { html } from "lit";
import type { components } from "../api/schema.d.ts";
import { documentTitle } from "../common/document-title.ts";
import "./ak-flow-executor.ts";
import { loadStage } from "./stage-registry.ts";
import type { Challenge } from "./flow-api.ts";

/**
 * The stages whose markup the server renders as the browser would. The server writes a property
 * binding as an attribute (`.checked=${false}` becomes `checked="false"`, which means checked), so a
 * stage is listed here only once its template has been checked for that.
 */
const serverRenderedStages = new Set(["ak-stage-identification"]);

export interface RenderedFlowPage {
  /** `<ak-flow-executor>` with its stage, as declarative shadow DOM. */
  executor: string;
  title: string;
}

/**
 * Renders the flow page's executor and first stage on the server (Node), as the browser would, so
 * the page shows a usable stage before its scripts have run; the scripts then take over this markup.
 */
export async function renderFlowPage(challenge: Challenge, brand: components["schemas"]["CurrentBrand"] | undefined): Promise<RenderedFlowPage | undefined> {
  if (!serverRenderedStages.has(challenge.component)) return undefined;
  await loadStage(challenge.component);
  const executor = await collectResult(render(html`<ak-flow-executor .challenge=${challenge} .brand=${brand}></ak-flow-executor>`));
  return { executor, title: documentTitle(challenge.flow_info?.title, brand) };
}
