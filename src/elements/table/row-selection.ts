/**
 * Which rows of a server-paged table are selected. Rows chosen one by one are remembered with
 * their data, so the selection survives paging, searching and sorting, and a confirmation can name
 * them. "All matching" stands for every row the current search and filters match, on every page,
 * minus the rows unticked since; it ends when the search or filters change, because the rows it
 * stood for are no longer the ones shown. DOM-free, so it is unit-tested in Node.
 */
export type PageSelectionState = "none" | "some" | "all";

interface AllMatching {
  /** `matchingKey` of the query it was made for. */
  readonly matching: string;
  /** How many rows matched when it was made. */
  readonly count: number;
  readonly except: ReadonlySet<string>;
}

export class RowSelection<T> {
  readonly #rows: ReadonlyMap<string, T>;
  readonly #all?: AllMatching;

  /** A selection of exactly these rows. */
  static of<T>(entries: Iterable<readonly [string, T]>): RowSelection<T> {
    return new RowSelection(new Map(entries));
  }

  constructor(rows: ReadonlyMap<string, T> = new Map(), all?: AllMatching) {
    this.#rows = rows;
    this.#all = all;
  }

  /** Whether the selection stands for every matching row. */
  get allMatching(): boolean {
    return this.#all !== undefined;
  }

  /** How many rows are selected. */
  get size(): number {
    return this.#all ? this.#all.count - this.#all.except.size : this.#rows.size;
  }

  /** The rows chosen one by one (empty in "all matching" mode). */
  get rows(): readonly T[] {
    return [...this.#rows.values()];
  }

  /** The rows unticked after choosing "all matching". */
  get except(): ReadonlySet<string> {
    return this.#all?.except ?? new Set();
  }

  has(key: string): boolean {
    return this.#all ? !this.#all.except.has(key) : this.#rows.has(key);
  }

  /** Ticks or unticks one row. */
  toggle(key: string, row: T): RowSelection<T> {
    return this.set([[key, row]], !this.has(key));
  }

  /** Ticks or unticks several rows (e.g. the whole page). */
  set(entries: readonly (readonly [string, T])[], selected: boolean): RowSelection<T> {
    if (this.#all) {
      const except = new Set(this.#all.except);
      for (const [key] of entries) {
        if (selected) except.delete(key);
        else except.add(key);
      }
      return except.size >= this.#all.count ? new RowSelection() : new RowSelection(new Map(), { ...this.#all, except });
    }
    const rows = new Map(this.#rows);
    for (const [key, row] of entries) {
      if (selected) rows.set(key, row);
      else rows.delete(key);
    }
    return new RowSelection(rows);
  }

  /** Selects every row matching the query identified by `matching` (`count` of them). */
  selectAllMatching(matching: string, count: number): RowSelection<T> {
    return count > 0 ? new RowSelection(new Map(), { matching, count, except: new Set() }) : new RowSelection();
  }

  /** Ends "all matching" when the query now matches other rows; rows chosen one by one stay. */
  forMatching(matching: string): RowSelection<T> {
    return this.#all && this.#all.matching !== matching ? new RowSelection() : this;
  }

  clear(): RowSelection<T> {
    return new RowSelection();
  }

  /** The state of a page's "select all on this page" checkbox. */
  pageState(keys: readonly string[]): PageSelectionState {
    const chosen = keys.filter((key) => this.has(key)).length;
    if (chosen === 0) return "none";
    return chosen === keys.length ? "all" : "some";
  }
}
