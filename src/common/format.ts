import { msg } from "@lit/localize";

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A date and time from the API (ISO 8601) in the reader's locale, or "Never" when there is none. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return msg("Never");
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export const formatNumber = (n: number) => new Intl.NumberFormat().format(n);
