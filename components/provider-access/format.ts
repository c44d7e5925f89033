import { PROVIDER_ACCESS_DURATIONS } from "@/lib/validation/provider-access";

const moment = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** A grant's or request's time, in the reader's time zone: "Dec 2, 2026, 3:45 PM". */
export function formatMoment(iso: string): string {
  return moment.format(new Date(iso));
}

/** A duration in minutes as the forms offer it ("4 hours"), or in hours when it is one of its own. */
export function formatDuration(minutes: number): string {
  const offered = PROVIDER_ACCESS_DURATIONS.find((duration) => duration.minutes === minutes);
  if (offered) return offered.label;
  const hours = Math.round(minutes / 60);
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

export const ACCESS_LABELS = { view: "View only", edit: "Can edit" } as const;
