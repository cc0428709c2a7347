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

export const allowList: AllowedDeviation[] = [
  {
    at: "GET /admin/outbox/",
    reason:
      "The reference server keeps mail in an outbox when no SMTP server is configured (AK_SMTP_HOST); superusers and the e2e tests read verification and recovery links there. authentik always sends mail, so it has no such endpoint; the UI never calls it against a real authentik.",
  },
];
