"use client";

import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { describeEvent } from "@/lib/events/event-types";
import {
  EVENT_COLUMNS,
  type EventColumn,
  type EventLogKind,
  eventClient,
  eventMember,
  type EventRow,
  formatEventTime,
} from "@/lib/events/rows";

function None() {
  return (
    <span className="text-slate-400">
      <span aria-hidden="true">—</span>
      <span className="sr-only">None</span>
    </span>
  );
}

/** A row's cell in one column; the timestamp names the row. */
function EventCell({ row, column, kind }: { row: EventRow; column: EventColumn; kind: EventLogKind }) {
  switch (column) {
    case "Timestamp":
      return (
        <RowHeader className="font-normal whitespace-nowrap text-slate-700">
          <time dateTime={row.occurredAt.toISOString()}>{formatEventTime(row.occurredAt)}</time>
        </RowHeader>
      );
    case "Member": {
      const member = eventMember(row, kind);
      return (
        <TD>
          <div className="font-medium">{member.name}</div>
          {member.email || member.provider ? (
            <div className="text-slate-600">
              {member.email}
              {member.email && member.provider ? " · " : null}
              {member.provider ? (
                <>
                  <span className="sr-only">acting for </span>
                  {member.provider}
                </>
              ) : null}
            </div>
          ) : null}
        </TD>
      );
    }
    case "Event":
      return <TD>{describeEvent(row.type)}</TD>;
    case "Client":
      return <TD>{eventClient(row) ?? <None />}</TD>;
    case "IP":
      return (
        <TD className="whitespace-nowrap">{row.ip ? <span className="font-mono text-xs">{row.ip}</span> : <None />}</TD>
      );
  }
}

/**
 * The event log as a table, with the columns of its kind (lib/events/rows.ts), from plain rows of a scoped read. A
 * client component: the rows travel as data and the browser draws their cells, which keeps a page of 50 events cheap
 * for the server (`npm run bench:server` measures it).
 */
export function EventTable({
  rows,
  caption,
  kind,
}: {
  rows: readonly EventRow[];
  caption: string;
  kind: EventLogKind;
}) {
  const columns = EVENT_COLUMNS[kind];
  return (
    <Table caption={caption}>
      <THead>
        {columns.map((column) => (
          <TH key={column}>{column}</TH>
        ))}
      </THead>
      <TBody>
        {rows.map((row) => (
          <TR key={row.id} className="align-top">
            {columns.map((column) => (
              <EventCell key={column} row={row} column={column} kind={kind} />
            ))}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
