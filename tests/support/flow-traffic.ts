import { expect } from "vitest";
import type { FlowObserver } from "../../server/context.ts";
import { FlowTrafficValidator } from "../contract/challenge-validator.ts";
import { loadAuthentik } from "../contract/openapi-docs.ts";

let validator: FlowTrafficValidator | undefined;
const authentik = () => (validator ??= new FlowTrafficValidator(loadAuthentik()));

/**
 * Records what the flow executor sends and receives, so a test can check every challenge (and the
 * responses it sent itself) against authentik's ChallengeTypes and FlowChallengeResponseRequest.
 */
export class FlowTraffic implements FlowObserver {
  readonly challenges: unknown[] = [];
  readonly responses: unknown[] = [];

  challenge(body: unknown) {
    this.challenges.push(body);
  }

  response(body: unknown) {
    this.responses.push(body);
  }

  /** Fails the test, naming each problem, unless authentik's schema accepts all of the traffic. */
  expectAuthentikShaped({ responses = true } = {}): void {
    expect(this.challenges.length, "the executor sent no challenge").toBeGreaterThan(0);
    const label = (kind: string, body: unknown, index: number) => `${kind} #${index + 1} (${String((body as { component?: unknown })?.component)})`;
    const problems = [
      ...this.challenges.flatMap((body, i) => authentik().challenge(body).map((p) => `${label("challenge", body, i)}: ${p}`)),
      ...(responses ? this.responses.flatMap((body, i) => authentik().response(body).map((p) => `${label("response", body, i)}: ${p}`)) : []),
    ];
    if (problems.length) expect.fail(`Flow traffic that authentik's schema rejects:\n  ${problems.join("\n  ")}`);
  }
}
