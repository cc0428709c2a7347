import { initialState, Task } from "@lit/task";
import type { ReactiveControllerHost } from "lit";
import { PageTitleEvent } from "../page-title.ts";
import { failedPage, loadingBody } from "./page-loading.ts";

type Host = ReactiveControllerHost & HTMLElement;

export interface DirectoryObjectOptions<K, O> {
  /** The object's id; none when there is nothing to load (a form creating one). */
  readonly id: () => K | undefined;
  readonly load: (id: K, signal: AbortSignal) => Promise<O>;
  /** The page's title once the object has loaded. */
  readonly title: (object: O) => string;
  /** Where the failed state offers to go instead. */
  readonly back: () => { readonly href: string; readonly label: string };
  /** Called with the object as loaded, before it is shown (e.g. to fill a form). */
  readonly loaded?: (object: O) => void;
}

/**
 * The user, group or role a directory page shows or a form edits: loaded by id, naming the page
 * after it, and, once the page saved a change, replaced by what the server answered.
 */
export class DirectoryObject<K, O> {
  readonly #host: Host;
  readonly #options: DirectoryObjectOptions<K, O>;
  readonly #task: Task<readonly [K | undefined], O>;
  #changed?: O;

  constructor(host: Host, options: DirectoryObjectOptions<K, O>) {
    this.#host = host;
    this.#options = options;
    this.#task = new Task(host, {
      task: async ([id], { signal }) => {
        this.#changed = undefined;
        if (id === undefined) return initialState;
        const object = await options.load(id, signal);
        options.loaded?.(object);
        return object;
      },
      args: () => [options.id()] as const,
      onComplete: (object) => host.dispatchEvent(new PageTitleEvent(options.title(object))),
    });
  }

  /** The object as last loaded or saved here. */
  get value(): O | undefined {
    return this.#changed ?? this.#task.value;
  }

  /** Shows what the server answered to a save, without loading the object again. */
  set changed(object: O) {
    this.#changed = object;
    this.#host.requestUpdate();
  }

  /** `page` with the object; while it loads the last one shown, or else `loading`; or the failed state. */
  render(page: (object: O) => unknown, loading: () => unknown = loadingBody) {
    return this.#task.render({
      initial: loading,
      pending: () => {
        const value = this.value;
        return value ? page(value) : loading();
      },
      complete: (object) => page(this.#changed ?? object),
      error: (error) => failedPage(error, () => this.#task.run(), this.#options.back()),
    });
  }
}
