import { api, unwrap } from "../api/client.ts";
import type { components } from "../api/schema.d.ts";

export type Challenge = components["schemas"]["ChallengeTypes"];
export type ChallengeResponse = components["schemas"]["FlowChallengeResponseRequest"];

const params = (slug: string, query: string) => ({ path: { flow_slug: slug }, query: { query } });

export const fetchChallenge = (slug: string, query: string): Promise<Challenge> =>
  unwrap(api.GET("/flows/executor/{flow_slug}/", { params: params(slug, query) }));

export const solveChallenge = (slug: string, query: string, response: ChallengeResponse): Promise<Challenge> =>
  unwrap(api.POST("/flows/executor/{flow_slug}/", { params: params(slug, query), body: response }));

export const fetchBrand = () => unwrap(api.GET("/core/brands/current/"));

/** The flow's slug from the page URL, `/if/flow/<slug>/`. */
export function slugFromPath(pathname: string): string {
  return decodeURIComponent(pathname.match(/^\/if\/flow\/([^/]+)/)?.[1] ?? "");
}
