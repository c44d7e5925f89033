const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** Money is stored in cents (integers, no rounding drift) and shown as US dollars: 1800 → "$18.00". */
export function formatUsd(cents: number): string {
  return usd.format(cents / 100);
}

const longDate = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

/** A billing period of two inclusive calendar dates ("YYYY-MM-DD"): "Oct 1, 2026 – Oct 31, 2026". */
export function formatPeriod(start: string, end: string): string {
  return `${longDate.format(new Date(`${start}T00:00:00Z`))} – ${longDate.format(new Date(`${end}T00:00:00Z`))}`;
}
