import { describe, expect, it } from "vitest";
import { Latest } from "../../../../src/elements/async/latest.ts";
import { runEach } from "../../../../src/elements/async/run-each.ts";

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe("runEach", () => {
  it("runs every item, a few at a time, and keeps going after a failure", async () => {
    let running = 0;
    let most = 0;
    const progress: number[] = [];
    const outcome = await runEach(
      [1, 2, 3, 4, 5, 6, 7],
      async (n) => {
        most = Math.max(most, ++running);
        await tick(n % 3);
        running--;
        if (n === 4) throw new Error("four");
      },
      { concurrency: 3, onProgress: (finished) => progress.push(finished) },
    );
    expect(most).toBe(3);
    expect(outcome.done).toEqual([1, 2, 3, 5, 6, 7]);
    expect(outcome.failed.map((f) => [f.item, (f.error as Error).message])).toEqual([[4, "four"]]);
    expect(outcome.aborted).toBe(false);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("stops starting new items once aborted", async () => {
    const controller = new AbortController();
    const outcome = await runEach(
      [1, 2, 3, 4],
      async (n) => {
        if (n === 2) controller.abort();
      },
      { concurrency: 1, signal: controller.signal },
    );
    expect(outcome.done).toEqual([1, 2]);
    expect(outcome.aborted).toBe(true);
  });

  it("handles an empty list", async () => {
    expect(await runEach([], async () => undefined)).toEqual({ done: [], failed: [], aborted: false });
  });
});

describe("Latest", () => {
  it("drops a slow answer that a newer request superseded, and aborts it", async () => {
    const latest = new Latest();
    let firstSignal: AbortSignal | undefined;
    const slow = latest.run(async (signal) => {
      firstSignal = signal;
      await tick(20);
      return "al";
    });
    const fast = latest.run(async () => "alice");
    expect(await fast).toEqual({ value: "alice" });
    expect(await slow).toBeUndefined();
    expect(firstSignal?.aborted).toBe(true);
  });

  it("throws the latest request's error, and drops a superseded one's", async () => {
    const latest = new Latest();
    const old = latest.run(async () => {
      await tick(5);
      throw new Error("old");
    });
    const current = latest.run(async () => {
      throw new Error("new");
    });
    await expect(current).rejects.toThrow("new");
    expect(await old).toBeUndefined();
  });

  it("cancel supersedes the request in flight", async () => {
    const latest = new Latest();
    const pending = latest.run(async () => {
      await tick(5);
      return 1;
    });
    latest.cancel();
    expect(await pending).toBeUndefined();
  });
});
