import { budgets, kB } from "./budgets.ts";
import type { BundleSizes, PageSize } from "./bundle-sizes.ts";

const size = (bytes: number) => `${(bytes / kB).toFixed(1)} kB`;
const verdict = (value: number, budget: number) => (value <= budget ? "ok" : "OVER");
const count = (files: string[]) => `${files.length} file${files.length === 1 ? "" : "s"}`;

/** Left-aligned first column, right-aligned figures. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  return rows
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("   "))
    .map((line) => `  ${line.trimEnd()}`)
    .join("\n");
}

function pageRows(page: PageSize, jsBudget: number): string[][] {
  return [
    [`JS (${count(page.js.files)})`, size(page.js.raw), size(page.js.gzip), `≤ ${size(jsBudget)}`, verdict(page.js.gzip, jsBudget)],
    [`CSS (${count(page.css.files)})`, size(page.css.raw), size(page.css.gzip), "", ""],
  ];
}

export function sizeReport(sizes: BundleSizes): string {
  const header = ["", "raw", "gzip", "budget (gzip)", ""];
  const stageName = (module: string) => module.replace(/^.*\//, "").replace(/\.ts$/, "");
  return [
    "Login page (flow.html) up to the identification stage: entry, its imports, the stage's chunk and its imports",
    table([header, ...pageRows(sizes.login, budgets.loginJs)]),
    "",
    "Admin interface (admin.html) first load: entry and its static imports",
    table([header, ...pageRows(sizes.admin, budgets.adminJs)]),
    "",
    "Stage chunks, each with the imports the login page has not already loaded",
    table([
      header,
      ...sizes.stages.map((stage) => [
        stageName(stage.module),
        size(stage.js.raw),
        size(stage.js.gzip),
        `≤ ${size(budgets.stageJs)}`,
        verdict(stage.js.gzip, budgets.stageJs),
      ]),
    ]),
  ].join("\n");
}

export interface Timing {
  label: string;
  path: string;
  ms: number[];
}

export function timingReport(app: Timing, plain: Timing): string {
  const row = (t: Timing) => [t.label, t.path, `${median(t.ms).toFixed(0)} ms`, `${Math.min(...t.ms).toFixed(0)}–${Math.max(...t.ms).toFixed(0)} ms`];
  const ratio = median(app.ms) / median(plain.ms);
  return [
    `Navigation to a usable username field: Chromium, fresh context and no cache each time, ${app.ms.length} loads each`,
    table([["", "URL", "median", "range"], row(app), row(plain)]),
    `  ratio ${ratio.toFixed(2)}×   budget ≤ ${budgets.loadRatio}×   ${verdict(ratio, budgets.loadRatio)}`,
  ].join("\n");
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
