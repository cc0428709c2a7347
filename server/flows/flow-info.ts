import { flowBackground, type FlowRow } from "../api/flows/flow-models.ts";
import type { FlowInfo } from "./challenge.ts";

/** The flow's own page, with the query string it was opened with (e.g. its `next`). */
export function flowUrl(slug: string, query: string): string {
  return `/if/flow/${encodeURIComponent(slug)}/${query ? `?${query}` : ""}`;
}

/** Cancelling clears the plan and comes back to this flow, fresh, with the same query string. */
export function cancelUrl(slug: string, query: string): string {
  return `/flows/-/cancel/?next=${encodeURIComponent(flowUrl(slug, query))}`;
}

export function flowInfo(flow: FlowRow, query: string): FlowInfo {
  return {
    title: flow.title,
    background: flowBackground(flow),
    cancel_url: cancelUrl(flow.slug, query),
    layout: flow.layout as FlowInfo["layout"],
  };
}
