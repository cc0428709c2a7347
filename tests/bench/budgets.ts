/** kB as Vite prints it: 1000 bytes. */
export const kB = 1000;

/** The budgets of DESIGN.md. Sizes are gzip bytes of JS; the bench prints them all, the tests assert the sizes. */
export const budgets = {
  loginJs: 45 * kB,
  stageJs: 8 * kB,
  adminJs: 150 * kB,
  /** Login page time to a usable username field, as a multiple of a plain HTML form's. */
  loadRatio: 2,
};
