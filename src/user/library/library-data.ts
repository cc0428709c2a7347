import { api, unwrap } from "../../api/client.ts";
import type { components } from "../../api/schema.d.ts";

export type Application = components["schemas"]["Application"];

/** A heading's worth of applications; `name` is empty for those without a group. */
export interface ApplicationGroup {
  readonly name: string;
  readonly applications: readonly Application[];
}

/** Large enough that a typical library is one request; the loop covers the rest. */
const pageSize = 100;

/** Every application the signed-in user may see, in name order. */
export async function loadApplications(signal: AbortSignal): Promise<Application[]> {
  const all: Application[] = [];
  for (let page = 1; page; ) {
    const result = await unwrap(api.GET("/core/applications/", { params: { query: { page, page_size: pageSize, ordering: "name" } }, signal }));
    all.push(...result.results);
    page = result.pagination.next;
  }
  return all;
}

/** Applications whose name, publisher, description or group contain the search, case-insensitively. */
export function filterApplications(applications: readonly Application[], search: string): Application[] {
  const term = search.trim().toLocaleLowerCase();
  if (!term) return [...applications];
  return applications.filter((app) =>
    [app.name, app.meta_publisher, app.meta_description, app.group].some((text) => text?.toLocaleLowerCase().includes(term)),
  );
}

/** Groups in alphabetical order, ungrouped applications first, keeping each group's order. */
export function groupApplications(applications: readonly Application[]): ApplicationGroup[] {
  const groups = new Map<string, Application[]>();
  for (const app of applications) {
    const name = app.group?.trim() ?? "";
    groups.set(name, [...(groups.get(name) ?? []), app]);
  }
  return [...groups]
    .sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b)))
    .map(([name, apps]) => ({ name, applications: apps }));
}
