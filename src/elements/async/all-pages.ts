import type { Pagination } from "../table/table-types.ts";

/** One page of a server-paged listing, as authentik's list endpoints return it. */
export interface ListingPage<T> {
  readonly pagination: Pagination;
  readonly results: readonly T[];
}

/** How many items each request asks for while reading a whole listing. */
export const allPagesSize = 1000;

/**
 * Every item of a server-paged listing: page 1, 2, … (each `allPagesSize` long) until the last
 * page, or an empty one should the listing shrink meanwhile.
 */
export async function allPages<T>(loadPage: (page: number, pageSize: number) => Promise<ListingPage<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const result = await loadPage(page, allPagesSize);
    items.push(...result.results);
    if (page >= result.pagination.total_pages || result.results.length === 0) return items;
  }
}
