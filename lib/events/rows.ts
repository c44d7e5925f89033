/**
 * An event log row as the event pages and CSV exports show it. Plain data, so the Provider Portal and an
 * organization's console feed the same table and CSV from their own scoped reads.
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
  /** Set when a provider member acted inside a client organization (DESIGN §6), or on the provider's own events. */
  providerId: string | null;
  providerName: string | null;
  ip: string | null;
};

/** Whose log is shown: a provider's (its own events and its members' work in clients) or one organization's. */
export type EventLogKind = "provider" | "organization";

/**
 * The columns of the event table and of its CSV export, in order. An organization's log has no Client column
 * (every row is the organization itself); instead its Member cell names the provider a provider member acted for.
 */
export const EVENT_COLUMNS = {
  provider: ["Timestamp", "Member", "Event", "Client", "IP"],
  organization: ["Timestamp", "Member", "Event", "IP"],
} as const satisfies Record<EventLogKind, readonly string[]>;

export type EventColumn = (typeof EVENT_COLUMNS)[EventLogKind][number];

/** The device operator commands record (lib/operator/command-context.ts), which no signed-in user caused. */
export const OPERATOR_DEVICE = "operator command";

export type EventMember = { name: string; email: string | null; provider: string | null };

/** The provider a user acted for, when an organization's log shows them (a provider log is all one provider). */
function actingProvider(row: EventRow, kind: EventLogKind): string | null {
  if (kind === "provider" || !row.actingUserId || !row.providerId) return null;
  return row.providerName ?? "Deleted provider";
}

/** Who caused an event: a user (name, email and the provider they acted for), an operator command, or the system. */
export function eventMember(row: EventRow, kind: EventLogKind): EventMember {
  if (row.actingUserId) {
    const provider = actingProvider(row, kind);
    // Events outlive accounts (no foreign key), so the acting user may be gone.
    return row.actorEmail
      ? { name: row.actorName ?? row.actorEmail, email: row.actorEmail, provider }
      : { name: "Deleted account", email: null, provider };
  }
  return { name: row.device === OPERATOR_DEVICE ? "Operator" : "System", email: null, provider: null };
}

/** "Dana Admin (admin@demo-msp.example) · Demo MSP": the Member column as one line of text (CSV). */
export function eventMemberText(member: EventMember): string {
  const who = member.email ? `${member.name} (${member.email})` : member.name;
  return member.provider ? `${who} · ${member.provider}` : who;
}

/** The client an event happened in, or null for events of the provider itself. */
export function eventClient(row: EventRow): string | null {
  if (!row.organizationId) return null;
  return row.organizationName ?? "Deleted organization";
}

/**
 * What an event table shows of a row, and nothing more: the browser draws the table, so it gets no user agent and no
 * id it would not display.
 */
export type EventView = {
  id: number;
  occurredAt: Date;
  type: string;
  member: EventMember;
  client: string | null;
  ip: string | null;
};

export function eventView(row: EventRow, kind: EventLogKind): EventView {
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    type: row.type,
    member: eventMember(row, kind),
    client: eventClient(row),
    ip: row.ip,
  };
}

/** "2026-11-03 14:05:09 UTC": event times are shown in UTC, the zone the date filter uses too. */
export function formatEventTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
