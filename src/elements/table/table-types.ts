import type { TableQuery } from "./table-query.ts";

/** authentik's `pagination` object, as every list endpoint returns it. */
export interface Pagination {
  readonly next: number;
  readonly previous: number;
  readonly count: number;
  readonly current: number;
  readonly total_pages: number;
  readonly start_index: number;
  readonly end_index: number;
}

export interface TablePage<T> {
  readonly pagination: Pagination;
  readonly results: readonly T[];
}

/** Loads one page of rows for a query; should pass `signal` on to `fetch`. */
export type TableSource<T> = (query: TableQuery, signal: AbortSignal) => Promise<TablePage<T>>;

export interface Column<T> {
  /** Unique among the table's columns. */
  readonly id: string;
  readonly label: string;
  /** The `ordering` field this column sorts by; not sortable without one. */
  readonly sort?: string;
  /** The column that names the row (`<th scope="row">`); exactly one should. */
  readonly rowHeader?: boolean;
  /** The cell's content: text, or a template (server data is rendered as text). */
  readonly render: (row: T) => unknown;
}

export interface FilterOption {
  readonly value: string;
  readonly label: string;
}

/** A choice that narrows the rows (a `<select>`); "" means any. */
export interface TableFilter {
  /** The query parameter it sets. */
  readonly name: string;
  readonly label: string;
  /** The label of the "" choice, e.g. "Any status". */
  readonly anyLabel: string;
  readonly options: readonly FilterOption[];
}

/** Something done to every selected row, after the user confirmed a list of what will change. */
export interface BulkAction<T> {
  readonly id: string;
  /** The button's label, e.g. "Deactivate". */
  readonly label: string;
  /** Destructive: styled as such, and its confirm button says so. */
  readonly danger?: boolean;
  /** The confirmation's title for `count` rows that will change, e.g. "Deactivate 3 users?". */
  readonly heading: (count: number) => string;
  /** What happens to them, shown above the list. */
  readonly explanation?: string;
  /** Rows it would not change (already inactive) are listed apart and left alone. */
  readonly applies?: (row: T) => boolean;
  /** What `applies` leaves out, e.g. "already inactive". */
  readonly notApplicable?: string;
  readonly run: (row: T) => Promise<unknown>;
  /** Said when it finished, e.g. "Deactivated 3 users." */
  readonly finished: (count: number) => string;
}
