import type { components } from "../api/schema.d.ts";

/** What the server wrote into the flow page (server/http/flow-page-data.ts). */
interface FlowPageData {
  challenge?: components["schemas"]["ChallengeTypes"];
  brand?: components["schemas"]["CurrentBrand"];
}

const read = (): FlowPageData => {
  const block = document.getElementById("ak-flow-data");
  try {
    return block?.textContent ? (JSON.parse(block.textContent) as FlowPageData) : {};
  } catch {
    return {}; // Unreadable data costs a request, not the page.
  }
};

let pageData: FlowPageData | undefined;

/** Hands out the page's copy once: after that (a retry, the next stage) the server is asked. */
export function takeFromPage<K extends keyof FlowPageData>(key: K): FlowPageData[K] {
  pageData ??= read();
  const value = pageData[key];
  delete pageData[key];
  return value;
}
