export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Milliseconds to ISO 8601 (UTC). */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The UTC day of a time, as YYYY-MM-DD. */
export function dayOf(ms: number): string {
  return iso(ms).slice(0, 10);
}

/** Start of a YYYY-MM-DD day (UTC). */
export function startOfDay(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

/**
 * A date typed by a person ("until 2026-03-31", "last rotated 2026-01-15") covers the whole day
 * (UTC), like `expires` in the policy: it ends at the start of the next day.
 */
export function endOfDay(date: string): number {
  return startOfDay(date) + DAY;
}

/** Whole days from a to b (b later), rounded down. */
export function wholeDays(from: number, to: number): number {
  return Math.floor((to - from) / DAY);
}

/** One decimal, for days and hours shown to people. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
