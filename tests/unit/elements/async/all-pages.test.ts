import { describe, expect, it } from "vitest";
import { allPages, allPagesSize } from "../../../../src/elements/async/all-pages.ts";

const pageOf = (items: number[], page: number, totalPages: number) => ({
  pagination: { next: 0, previous: 0, count: 0, current: page, total_pages: totalPages, start_index: 0, end_index: 0 },
  results: items,
});

describe("allPages", () => {
  it("reads page after page, each of the same size, until the last", async () => {
    const asked: [number, number][] = [];
    const items = await allPages(async (page, pageSize) => {
      asked.push([page, pageSize]);
      return pageOf([page * 10, page * 10 + 1], page, 3);
    });
    expect(items).toEqual([10, 11, 20, 21, 30, 31]);
    expect(asked).toEqual([
      [1, allPagesSize],
      [2, allPagesSize],
      [3, allPagesSize],
    ]);
  });

  it("stops at an empty page, should the listing shrink while it is read", async () => {
    const items = await allPages(async (page) => pageOf(page === 1 ? [1] : [], page, 5));
    expect(items).toEqual([1]);
  });
});
