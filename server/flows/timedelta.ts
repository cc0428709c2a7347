const unitMs: Record<string, number> = {
  weeks: 7 * 24 * 3600_000,
  days: 24 * 3600_000,
  hours: 3600_000,
  minutes: 60_000,
  seconds: 1000,
  milliseconds: 1,
  microseconds: 0.001,
};

/**
 * Reads authentik's duration settings, e.g. `hours=1;minutes=30` or `seconds=0`, in milliseconds;
 * undefined when the text is not such a duration.
 */
export function parseTimedelta(value: string): number | undefined {
  let total = 0;
  for (const part of value.split(";").map((p) => p.trim()).filter(Boolean)) {
    const match = /^(\w+)=(\d+(?:\.\d+)?)$/.exec(part);
    if (!match || !Object.hasOwn(unitMs, match[1])) return undefined;
    total += Number(match[2]) * unitMs[match[1]];
  }
  return value.trim() ? total : undefined;
}
