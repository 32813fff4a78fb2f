/** Calendar dates (UTC) as the engagement rules count them. Pure. */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * Days since the Unix epoch of an ISO date or date-time ("2025-03-05", "2025-03-05T10:00:00Z"),
 * counting the calendar date only (UTC); NaN when `value` is not an ISO date.
 */
export function epochDay(value: string): number {
  const match = ISO_DATE.exec(value);
  if (!match) return NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return NaN;
  return Math.round(ms / DAY_MS);
}

/** Today's calendar date (UTC) of `now` as "YYYY-MM-DD". */
export function isoDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The calendar date `days` after (or before, when negative) an ISO date, as "YYYY-MM-DD". */
export function addDays(date: string, days: number): string {
  return new Date((epochDay(date) + days) * DAY_MS).toISOString().slice(0, 10);
}
