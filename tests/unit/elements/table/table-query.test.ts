import { describe, expect, it } from "vitest";
import {
  matchingKey,
  pageForSize,
  queryKey,
  readQuery,
  sortDirection,
  toggledOrdering,
  withChange,
  writeQuery,
  type TableQuery,
  type TableQueryOptions,
} from "../../../../src/elements/table/table-query.ts";

const options: TableQueryOptions = {
  pageSizes: [10, 20, 50],
  defaultPageSize: 20,
  defaultOrdering: "username",
  sortFields: ["username", "last_login"],
  filters: { is_active: ["true", "false"], type: ["internal", "service_account"] },
};

const query = (change: Partial<TableQuery> = {}): TableQuery => ({ page: 1, pageSize: 20, search: "", ordering: "username", filters: {}, ...change });

describe("table query in the URL", () => {
  it("reads every part of the state", () => {
    const params = new URLSearchParams("page=3&page_size=50&search=%20alice%20&ordering=-last_login&is_active=false&tab=groups");
    expect(readQuery(params, options)).toEqual({
      page: 3,
      pageSize: 50,
      search: "alice",
      ordering: "-last_login",
      filters: { is_active: "false" },
    });
  });

  it("falls back to the defaults for anything not allowed", () => {
    const params = new URLSearchParams("page=-2&page_size=33&ordering=password&is_active=maybe&type=internal");
    expect(readQuery(params, options)).toEqual(query({ filters: { type: "internal" } }));
    expect(readQuery(new URLSearchParams("page=1.5"), options).page).toBe(1);
    expect(readQuery(new URLSearchParams("page=99999999999999999999"), options).page).toBe(1);
  });

  it("writes only what differs from the defaults and keeps other parameters", () => {
    const params = writeQuery(new URLSearchParams("tab=groups&page=4"), query({ search: "bob", filters: { is_active: "true" } }), options);
    expect(params.toString()).toBe("tab=groups&search=bob&is_active=true");
    expect(writeQuery(new URLSearchParams(), query({ page: 2, pageSize: 50, ordering: "-username" }), options).toString()).toBe(
      "page=2&page_size=50&ordering=-username",
    );
  });

  it("round-trips through the URL", () => {
    const state = query({ page: 7, pageSize: 10, search: "a b&c", ordering: "-last_login", filters: { type: "service_account" } });
    expect(readQuery(writeQuery(new URLSearchParams(), state, options), options)).toEqual(state);
  });

  it("keeps two tables apart with a prefix", () => {
    const prefixed = { ...options, prefix: "members_" };
    const params = writeQuery(new URLSearchParams("page=3"), query({ page: 2, search: "x" }), prefixed);
    expect(params.toString()).toBe("page=3&members_page=2&members_search=x");
    expect(readQuery(params, prefixed).page).toBe(2);
    expect(readQuery(params, options).page).toBe(3);
  });
});

describe("table query changes", () => {
  it("sorts ascending, then descending, then ascending again", () => {
    expect(toggledOrdering("username", "last_login")).toBe("last_login");
    expect(toggledOrdering("last_login", "last_login")).toBe("-last_login");
    expect(toggledOrdering("-last_login", "last_login")).toBe("last_login");
    expect(sortDirection("-last_login", "last_login")).toBe("descending");
    expect(sortDirection("last_login", "last_login")).toBe("ascending");
    expect(sortDirection("username", "last_login")).toBe("none");
  });

  it("goes back to page 1 when what matches changes, not when the order does", () => {
    expect(withChange(query({ page: 3 }), { search: "al" }).page).toBe(1);
    expect(withChange(query({ page: 3 }), { filters: { is_active: "true" } }).page).toBe(1);
    expect(withChange(query({ page: 3 }), { ordering: "-username" }).page).toBe(3);
    expect(withChange(query({ page: 3 }), { page: 5 }).page).toBe(5);
  });

  it("keeps the first row shown in view when the page size changes", () => {
    // Page 3 of 20 starts at row 41, which is on page 5 of 10 and page 1 of 50.
    expect(pageForSize(query({ page: 3 }), 10)).toBe(5);
    expect(pageForSize(query({ page: 3 }), 50)).toBe(1);
    expect(withChange(query({ page: 3 }), { pageSize: 10 })).toMatchObject({ page: 5, pageSize: 10 });
  });

  it("tells apart what matches from what is shown", () => {
    expect(matchingKey(query({ page: 2, ordering: "-username" }))).toBe(matchingKey(query()));
    expect(matchingKey(query({ filters: { a: "1", b: "2" } }))).toBe(matchingKey(query({ filters: { b: "2", a: "1" } })));
    expect(matchingKey(query({ search: "x" }))).not.toBe(matchingKey(query()));
    expect(queryKey(query({ page: 2 }))).not.toBe(queryKey(query()));
  });
});

describe("one URL per state", () => {
  it("writes the table's parameters in a fixed order, whatever order they came in", () => {
    const options2: TableQueryOptions = { pageSizes: [20, 50], defaultPageSize: 20, defaultOrdering: "", sortFields: ["name"], filters: { a: ["1"] } };
    const state = { page: 3, pageSize: 50, search: "x", ordering: "name", filters: { a: "1" } };
    const written = writeQuery(new URLSearchParams("a=1&ordering=name&page_size=50&tab=t&page=2"), state, options2);
    expect(written.toString()).toBe("tab=t&page=3&page_size=50&search=x&ordering=name&a=1");
  });
});
