/**
 * Intended deviations of openapi/schema.yml from authentik's schema. `at` is the place exactly as
 * the contract test reports it; `reason` says why ak-web must differ there. Prefer fixing the
 * server's declaration instead: an entry that no longer matches a deviation fails the test, so the
 * list cannot rot.
 */
export interface AllowedDeviation {
  at: string;
  reason: string;
}

export const allowList: AllowedDeviation[] = [];
