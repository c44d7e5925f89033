"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { CLIENT_FILTER_MAX, type EventFilter, MEMBER_FILTER_MAX } from "@/lib/events/event-filter";
import { EVENT_TYPES } from "@/lib/events/event-types";

const TYPE_OPTIONS = [
  { value: "", label: "Any event" },
  ...Object.entries(EVENT_TYPES)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, "en")),
];

/**
 * Picks the days to show (UTC, both inclusive), the member and the kind of event, and where offered whose events
 * (`actorChoice`) and which client (`clientChoice`). A plain GET form: the filter lives in the URL, so it can be
 * shared, and a new filter starts again from the newest events. A client component, so the list of event types is
 * in the page's script rather than drawn by the server on every request.
 */
export function EventFilterForm({
  action,
  filter,
  actorChoice = false,
  clientChoice = false,
}: {
  action: string;
  filter: EventFilter;
  actorChoice?: boolean;
  clientChoice?: boolean;
}) {
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label="Filter events"
      className="flex flex-wrap items-end gap-3"
    >
      <TextField
        label="From"
        name="start"
        type="date"
        defaultValue={filter.range.start}
        min="1970-01-01"
        max="2999-12-31"
        required
      />
      <TextField
        label="To"
        name="end"
        type="date"
        defaultValue={filter.range.end}
        min="1970-01-01"
        max="2999-12-31"
        required
      />
      {clientChoice ? (
        <TextField
          label="Client"
          name="client"
          type="search"
          defaultValue={filter.client}
          maxLength={CLIENT_FILTER_MAX}
          placeholder="Any client"
          autoComplete="off"
        />
      ) : null}
      <TextField
        label="Member"
        name="member"
        type="search"
        defaultValue={filter.member}
        maxLength={MEMBER_FILTER_MAX}
        placeholder="Name or email"
        autoComplete="off"
      />
      <SelectField
        label="Event"
        name="type"
        defaultValue={filter.type ?? ""}
        options={TYPE_OPTIONS}
        className="w-full sm:w-72"
      />
      {actorChoice ? (
        <SelectField
          label="Done by"
          name="by"
          defaultValue={filter.actor === "provider" ? "provider" : ""}
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
