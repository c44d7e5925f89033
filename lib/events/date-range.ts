/** The date filter of the event pages: whole UTC days, both ends inclusive, as `?start=YYYY-MM-DD&end=YYYY-MM-DD`. */
export type DateRange = { start: string; end: string };

export const DEFAULT_RANGE_DAYS = 30;
const DAY_MS = 86_400_000;
// Years PostgreSQL and every log can hold with room to spare (year 0 does not exist there, for one).
const ISO_DATE = /^(19[7-9]\d|2\d{3})-\d{2}-\d{2}$/;

/** A moment's UTC day, YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The last 30 days: today (UTC) and the 29 before it. */
export function defaultDateRange(now: Date): DateRange {
  return { start: isoDay(new Date(now.getTime() - (DEFAULT_RANGE_DAYS - 1) * DAY_MS)), end: isoDay(now) };
}

/** A real calendar date in YYYY-MM-DD from 1970 to 2999 (2026-02-30 is none), or null. */
function calendarDate(value: unknown): string | null {
  if (typeof value !== "string" || !ISO_DATE.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && isoDay(date) === value ? value : null;
}

export type DateRangeResult = { ok: true; range: DateRange } | { ok: false; error: string; range: DateRange };

/**
 * Reads `start` and `end` from the query. A missing end is today and a missing start the default's; anything
 * unreadable gives an error sentence and the default range, so a bad link shows a message instead of failing.
 */
export function parseDateRange(query: { start?: unknown; end?: unknown }, now: Date): DateRangeResult {
  const fallback = defaultDateRange(now);
  const start = query.start === undefined || query.start === "" ? fallback.start : calendarDate(query.start);
  const end = query.end === undefined || query.end === "" ? fallback.end : calendarDate(query.end);
  if (!start || !end)
    return {
      ok: false,
      error: "Dates must be real calendar dates written as YYYY-MM-DD (years 1970 to 2999).",
      range: fallback,
    };
  if (start > end) return { ok: false, error: "The start date must be on or before the end date.", range: fallback };
  return { ok: true, range: { start, end } };
}

/** The range as instants for a query: from the start day's midnight (UTC) up to, not including, the day after the end. */
export function rangeBounds(range: DateRange): { from: Date; until: Date } {
  return {
    from: new Date(`${range.start}T00:00:00Z`),
    until: new Date(new Date(`${range.end}T00:00:00Z`).getTime() + DAY_MS),
  };
}
