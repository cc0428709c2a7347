/**
 * Runs one request at a time for a view whose input keeps changing (a search box): each new call
 * aborts the one before, and a result that arrives after a newer call started is dropped, so a slow
 * answer for "al" can never replace the answer for "alice".
 */
export class Latest {
  #controller?: AbortController;
  #generation = 0;

  /**
   * Starts `request` with a fresh signal. Resolves with its result while it is still the latest
   * call; resolves with `undefined` once a newer call (or `cancel`) superseded it. Errors of the
   * latest call are thrown; those of superseded calls are dropped.
   */
  async run<T>(request: (signal: AbortSignal) => Promise<T>): Promise<{ value: T } | undefined> {
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    const generation = ++this.#generation;
    try {
      const value = await request(controller.signal);
      return generation === this.#generation ? { value } : undefined;
    } catch (error) {
      if (generation !== this.#generation) return undefined;
      throw error;
    }
  }

  /** Supersedes the call in flight, if any. */
  cancel(): void {
    this.#controller?.abort();
    this.#generation++;
  }
}
