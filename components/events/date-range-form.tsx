import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { DateRange } from "@/lib/events/date-range";

/** Picks the days to show (UTC, both inclusive). A plain GET form: the range lives in the URL, so it can be shared. */
export function DateRangeForm({ action, range }: { action: string; range: DateRange }) {
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label="Event date range"
      className="flex flex-wrap items-end gap-3"
    >
      <TextField
        label="From"
        name="start"
        type="date"
        defaultValue={range.start}
        min="1970-01-01"
        max="2999-12-31"
        required
      />
      <TextField
        label="To"
        name="end"
        type="date"
        defaultValue={range.end}
        min="1970-01-01"
        max="2999-12-31"
        required
      />
      <Button type="submit" variant="secondary">
        Show events
      </Button>
    </form>
  );
}
