import type { ReactiveController, ReactiveControllerHost } from "lit";
import { onUrlChange, writeQuery as writeUrlQuery } from "../../common/router/navigation-events.ts";
import { readQuery, withChange, writeQuery, type TableQuery, type TableQueryOptions } from "./table-query.ts";

/** Where a new query came from: the URL (a load, back/forward, a link), or the user's change here. */
export type QuerySource = "url" | "user";

export interface UrlQueryConfig {
  readonly options: () => TableQueryOptions;
  readonly changed: (query: TableQuery, from: QuerySource) => void;
}

/**
 * A table's query, kept in the URL: read whenever the URL changes under the table, and written
 * whenever the user changes it, so a reload, a shared link and back/forward show the same rows.
 */
export class TableUrlQuery implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #config: UrlQueryConfig;
  #query: TableQuery = { page: 1, pageSize: 20, search: "", ordering: "", filters: {} };
  #writing = false;
  #unsubscribe?: () => void;

  constructor(host: ReactiveControllerHost, config: UrlQueryConfig) {
    this.#host = host;
    this.#config = config;
    host.addController(this);
  }

  get query(): TableQuery {
    return this.#query;
  }

  /** Takes the query from the URL (also when the table's options changed what is valid). */
  read(): void {
    this.#set(readQuery(new URLSearchParams(window.location.search), this.#config.options()), "url");
  }

  /** Applies a change the user asked for and records it in the URL (a history entry when `push`). */
  change(change: Partial<TableQuery>, { push }: { push: boolean }): void {
    const next = withChange(this.#query, change);
    this.#set(next, "user");
    const params = writeQuery(new URLSearchParams(window.location.search), next, this.#config.options());
    // Our own write is not news to us.
    this.#writing = true;
    try {
      writeUrlQuery(params, { push });
    } finally {
      this.#writing = false;
    }
  }

  hostConnected(): void {
    this.#unsubscribe = onUrlChange(() => {
      if (!this.#writing) this.read();
    });
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
  }

  #set(query: TableQuery, from: QuerySource): void {
    this.#query = query;
    this.#config.changed(query, from);
    this.#host.requestUpdate();
  }
}
