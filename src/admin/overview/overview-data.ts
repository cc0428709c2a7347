import { msg, str } from "@lit/localize";
import { api, unwrap } from "../../api/client.ts";
import { formatNumber } from "../../common/format.ts";
import type { StatFigure } from "../../elements/stat-card/ak-stat-card.ts";

/** One item per page is enough: the figure is the pagination's `count`. */
const countQuery = { page_size: 1 };

const count = (n: number): StatFigure => ({ value: formatNumber(n) });

export async function loadVersion(signal: AbortSignal): Promise<StatFigure> {
  const version = await unwrap(api.GET("/admin/version/", { signal }));
  let detail: string | undefined;
  if (version.outdated && version.version_latest_valid) detail = msg(str`Version ${version.version_latest} is available`);
  else if (version.version_latest_valid) detail = msg("Up to date");
  return { value: version.version_current, detail };
}

export async function loadUserCount(signal: AbortSignal): Promise<StatFigure> {
  const page = await unwrap(api.GET("/core/users/", { params: { query: countQuery }, signal }));
  return count(page.pagination.count);
}

export async function loadGroupCount(signal: AbortSignal): Promise<StatFigure> {
  const page = await unwrap(api.GET("/core/groups/", { params: { query: countQuery }, signal }));
  return count(page.pagination.count);
}

export async function loadApplicationCount(signal: AbortSignal): Promise<StatFigure> {
  const page = await unwrap(api.GET("/core/applications/", { params: { query: countQuery }, signal }));
  return count(page.pagination.count);
}

export async function loadFlowCount(signal: AbortSignal): Promise<StatFigure> {
  const page = await unwrap(api.GET("/flows/instances/", { params: { query: countQuery }, signal }));
  return count(page.pagination.count);
}
