import { randomInt } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { PolicyKind } from "./kinds.ts";

export interface DummyConfig {
  result: boolean;
  /** Seconds; the policy waits a random time between the two before answering. */
  wait_min: number;
  wait_max: number;
}

/** authentik's defaults for a new dummy policy. */
export const dummyDefaults: DummyConfig = { result: false, wait_min: 5, wait_max: 30 };

/** A policy for testing: answers a fixed result after a random wait, with the message "dummy". */
export const dummy: PolicyKind = {
  kind: "dummy",
  async passes(policy, signal) {
    const config = { ...dummyDefaults, ...policy.config } as DummyConfig;
    const low = Math.max(0, Math.min(config.wait_min, config.wait_max));
    const high = Math.max(0, config.wait_max);
    const seconds = high > low ? randomInt(low, high) : low;
    if (seconds > 0) await sleep(seconds * 1000, undefined, { signal });
    return { passing: config.result, messages: ["dummy"] };
  },
};
