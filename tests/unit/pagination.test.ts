import { describe, expect, it } from "vitest";
import { pageWindow, pagination } from "../../server/api/common.ts";

describe("pagination", () => {
  it("describes a middle page as authentik does", () => {
    expect(pagination(45, pageWindow({ page: 2, page_size: 20 }))).toEqual({
      next: 3,
      previous: 1,
      count: 45,
      current: 2,
      total_pages: 3,
      start_index: 21,
      end_index: 40,
    });
  });

  it("describes an empty result as one empty page", () => {
    expect(pagination(0, pageWindow({}))).toEqual({
      next: 0,
      previous: 0,
      count: 0,
      current: 1,
      total_pages: 1,
      start_index: 0,
      end_index: 0,
    });
  });
});
