/**
 * A table's state as it lives in the URL: page, page size, search, ordering and filters. DOM-free,
 * so it is unit-tested in Node. Values that are not allowed (a page size not offered, a sort field
 * the table does not have, a filter value not among its options) fall back to the defaults, so a
 * hand-edited or outdated link still shows a sensible table.
 */

export interface TableQuery {
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
  readonly search: string;
  /** authentik's `ordering`: `field` ascending, `-field` descending, "" for the server's default. */
  readonly ordering: string;
  /** Each filter's chosen value; a filter left at "any" is absent. */
  readonly filters: Readonly<Record<string, string>>;
}

export interface TableQueryOptions {
  /** The page sizes offered; the default must be one of them. */
  readonly pageSizes: readonly number[];
  readonly defaultPageSize: number;
  readonly defaultOrdering: string;
  /** The fields the table can sort by. */
  readonly sortFields: readonly string[];
  /** Each filter's name and the values it allows. */
  readonly filters: Readonly<Record<string, readonly string[]>>;
  /** Prepended to every parameter name, so two tables can share a URL. */
  readonly prefix?: string;
}

const names = (prefix = "") => ({
  page: `${prefix}page`,
  pageSize: `${prefix}page_size`,
  search: `${prefix}search`,
  ordering: `${prefix}ordering`,
});

function positiveInteger(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && Number.isSafeInteger(n) ? n : undefined;
}

function validOrdering(value: string | null, fields: readonly string[]): string | undefined {
  if (value === null) return undefined;
  return fields.includes(value.replace(/^-/, "")) ? value : undefined;
}

/** The table's state in `params`, with anything invalid replaced by its default. */
export function readQuery(params: URLSearchParams, options: TableQueryOptions): TableQuery {
  const n = names(options.prefix);
  const size = positiveInteger(params.get(n.pageSize));
  const filters: Record<string, string> = {};
  for (const [name, allowed] of Object.entries(options.filters)) {
    const value = params.get(`${options.prefix ?? ""}${name}`);
    if (value !== null && allowed.includes(value)) filters[name] = value;
  }
  return {
    page: positiveInteger(params.get(n.page)) ?? 1,
    pageSize: size !== undefined && options.pageSizes.includes(size) ? size : options.defaultPageSize,
    search: params.get(n.search)?.trim() ?? "",
    ordering: validOrdering(params.get(n.ordering), options.sortFields) ?? options.defaultOrdering,
    filters,
  };
}

/**
 * `params` with the table's state written in (defaults left out, so a fresh table has a clean URL)
 * and every other parameter kept.
 */
export function writeQuery(params: URLSearchParams, query: TableQuery, options: TableQueryOptions): URLSearchParams {
  const n = names(options.prefix);
  const filterNames = Object.keys(options.filters).map((name) => `${options.prefix ?? ""}${name}`);
  const ours = new Set([...Object.values(n), ...filterNames]);
  // Other parameters first, then the table's in a fixed order, so one state has one URL.
  const next = new URLSearchParams([...params].filter(([name]) => !ours.has(name)));
  const set = (name: string, value: string, fallback: string) => {
    if (value !== fallback) next.append(name, value);
  };
  set(n.page, String(query.page), "1");
  set(n.pageSize, String(query.pageSize), String(options.defaultPageSize));
  set(n.search, query.search, "");
  set(n.ordering, query.ordering, options.defaultOrdering);
  for (const name of Object.keys(options.filters)) set(`${options.prefix ?? ""}${name}`, query.filters[name] ?? "", "");
  return next;
}

/** Identifies the set of rows a query matches, whatever page or order it shows them in. */
export function matchingKey(query: TableQuery): string {
  const filters = Object.entries(query.filters).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([query.search, filters]);
}

/** Identifies everything the server is asked for. */
export function queryKey(query: TableQuery): string {
  return JSON.stringify([matchingKey(query), query.page, query.pageSize, query.ordering]);
}

export type SortDirection = "ascending" | "descending" | "none";

/** How the table is sorted by `field` (for `aria-sort`). */
export function sortDirection(ordering: string, field: string): SortDirection {
  if (ordering === field) return "ascending";
  if (ordering === `-${field}`) return "descending";
  return "none";
}

/** Choosing a column's sort: ascending first, then descending, then ascending again. */
export function toggledOrdering(ordering: string, field: string): string {
  return ordering === field ? `-${field}` : field;
}

/** The page that keeps the first row shown in view when the page size changes. */
export function pageForSize(query: TableQuery, pageSize: number): number {
  const firstRow = (query.page - 1) * query.pageSize;
  return Math.floor(firstRow / pageSize) + 1;
}

/** The query the user asked for, with the page reset to 1 when what matches changed. */
export function withChange(query: TableQuery, change: Partial<TableQuery>): TableQuery {
  const next = { ...query, ...change };
  if (change.page === undefined && matchingKey(next) !== matchingKey(query)) return { ...next, page: 1 };
  if (change.pageSize !== undefined && change.page === undefined) return { ...next, page: pageForSize(query, change.pageSize) };
  return next;
}
