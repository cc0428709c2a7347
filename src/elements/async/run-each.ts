/** The outcome of running an action on many items. */
export interface RunOutcome<T> {
  readonly done: readonly T[];
  readonly failed: readonly { readonly item: T; readonly error: unknown }[];
  /** True when the run was stopped before every item was tried. */
  readonly aborted: boolean;
}

export interface RunOptions {
  /** How many calls may be in flight at once. */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** Called after each item, with how many are finished (done or failed). */
  readonly onProgress?: (finished: number) => void;
}

/**
 * Runs `action` on every item, a few at a time, and reports which succeeded and which failed (one
 * failure does not stop the others). Aborting stops starting new calls; calls in flight finish.
 */
export async function runEach<T>(items: readonly T[], action: (item: T) => Promise<unknown>, options: RunOptions = {}): Promise<RunOutcome<T>> {
  const { concurrency = 4, signal, onProgress } = options;
  const done: T[] = [];
  const failed: { item: T; error: unknown }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      const item = items[next++];
      try {
        await action(item);
        done.push(item);
      } catch (error) {
        failed.push({ item, error });
      }
      onProgress?.(done.length + failed.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  const order = new Map(items.map((item, index) => [item, index]));
  const byOrder = (a: T, b: T) => order.get(a)! - order.get(b)!;
  return {
    done: done.sort(byOrder),
    failed: failed.sort((a, b) => byOrder(a.item, b.item)),
    aborted: done.length + failed.length < items.length,
  };
}
