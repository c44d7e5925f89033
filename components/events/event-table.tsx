import { describeEvent } from "@/lib/audit/event-types";
import { EVENT_COLUMNS, eventClient, eventMember, type EventRow, formatEventTime } from "@/lib/events/rows";

function None() {
  return (
    <span className="text-slate-400">
      <span aria-hidden="true">—</span>
      <span className="sr-only">None</span>
    </span>
  );
}

/** The event log as a table (Timestamp, Member, Event, Client, IP), from plain rows of any scoped read. */
export function EventTable({ rows, caption }: { rows: readonly EventRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {EVENT_COLUMNS.map((column) => (
              <th key={column} scope="col" className="px-4 py-2 text-left font-semibold whitespace-nowrap text-slate-700">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const member = eventMember(row);
            const client = eventClient(row);
            return (
              <tr key={row.id} className="align-top">
                <td className="px-4 py-2 whitespace-nowrap text-slate-700">
                  <time dateTime={row.occurredAt.toISOString()}>{formatEventTime(row.occurredAt)}</time>
                </td>
                <td className="px-4 py-2">
                  <div className="font-medium">{member.name}</div>
                  {member.email ? <div className="text-slate-600">{member.email}</div> : null}
                </td>
                <td className="px-4 py-2">{describeEvent(row.type)}</td>
                <td className="px-4 py-2">{client ?? <None />}</td>
                <td className="px-4 py-2 font-mono text-xs whitespace-nowrap">{row.ip ?? <None />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
