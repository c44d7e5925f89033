/**
 * An event log row as the event pages and CSV exports show it. Plain data, so the Provider Portal and an
 * organization's console can feed the same table and CSV from their own scoped reads.
 */
export type EventRow = {
  id: number;
  occurredAt: Date;
  type: string;
  actingUserId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  device: string | null;
  organizationId: string | null;
  organizationName: string | null;
  ip: string | null;
};

/** The columns of the event table and of its CSV export, in order. */
export const EVENT_COLUMNS = ["Timestamp", "Member", "Event", "Client", "IP"] as const;

/** The device operator commands record (lib/operator/command-context.ts), which no signed-in user caused. */
export const OPERATOR_DEVICE = "operator command";

export type EventMember = { name: string; email: string | null };

/** Who caused an event: a user (name and email), an operator command, or the system itself. */
export function eventMember(row: EventRow): EventMember {
  if (row.actingUserId) {
    // Events outlive accounts (no foreign key), so the acting user may be gone.
    return row.actorEmail ? { name: row.actorName ?? row.actorEmail, email: row.actorEmail } : { name: "Deleted account", email: null };
  }
  return { name: row.device === OPERATOR_DEVICE ? "Operator" : "System", email: null };
}

/** The client an event happened in, or null for events of the provider itself. */
export function eventClient(row: EventRow): string | null {
  if (!row.organizationId) return null;
  return row.organizationName ?? "Deleted organization";
}

/** "2026-11-03 14:05:09 UTC": event times are shown in UTC, the zone the date filter uses too. */
export function formatEventTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
