import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import type { DateRange } from "@/lib/events/date-range";
import type { EventActor } from "@/lib/events/event-actor";

/**
 * Picks the days to show (UTC, both inclusive) and, given `actor`, whose events. A plain GET form: the filter lives in
 * the URL, so it can be shared.
 */
export function DateRangeForm({ action, range, actor }: { action: string; range: DateRange; actor?: EventActor }) {
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
      {actor ? (
        <SelectField
          label="Done by"
          name="by"
          defaultValue={actor === "provider" ? "provider" : ""}
          options={[
            { value: "", label: "Anyone" },
            { value: "provider", label: "Provider members" },
          ]}
        />
      ) : null}
      <Button type="submit" variant="secondary">
        Show events
      </Button>
    </form>
  );
}
