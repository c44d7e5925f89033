import { type DateRange, parseDateRange } from "./date-range";
import { type EventActor, parseEventActor } from "./event-actor";
import { EVENT_TYPES, type EventType } from "./event-types";

/**
 * What an event log shows, read from its address so a filtered log can be shared and linked to (the dashboard links
 * to it): the days, whose events, the client and member they concern (by name or email, case-insensitive), and one
 * event type. The same filter drives the page, its cursor and its CSV export.
 */
export type EventFilter = {
  range: DateRange;
  actor: EventActor;
  /** Part of a client's name (the provider's rolled-up log); "" for every client. */
  client: string;
  /** Part of the acting member's name or email; "" for anyone. */
  member: string;
  type: EventType | null;
};

/** Where a page starts: the newest events, or just older or newer than an event already shown (its id). */
export type EventCursor = { before: number } | { after: number } | null;

export const CLIENT_FILTER_MAX = 100;
export const MEMBER_FILTER_MAX = 256;
// An event id as the address carries it: a positive integer a bigserial can hold.
const EVENT_ID = /^[1-9]\d{0,17}$/;

type Query = Record<string, string | string[] | undefined | null>;

function single(value: string | string[] | undefined | null): string {
  return typeof value === "string" ? value : "";
}

function text(value: string | string[] | undefined | null, max: number): string {
  return single(value).trim().slice(0, max);
}

function eventType(value: string | string[] | undefined | null): EventType | null {
  const type = single(value);
  return Object.hasOwn(EVENT_TYPES, type) ? (type as EventType) : null;
}

function cursorOf(query: Query): EventCursor {
  const before = single(query.before);
  if (EVENT_ID.test(before)) return { before: Number(before) };
  const after = single(query.after);
  if (EVENT_ID.test(after)) return { after: Number(after) };
  return null;
}

export type EventLogQuery = { filter: EventFilter; cursor: EventCursor; rangeError: string | null };

/**
 * The filter and cursor an event log's address asks for. Unusable dates fall back to the last 30 days (with the
 * reason); an unknown event type or a malformed cursor is ignored; text filters are trimmed and cut to length.
 */
export function readEventLogQuery(query: Query, now = new Date()): EventLogQuery {
  const parsed = parseDateRange({ start: query.start ?? undefined, end: query.end ?? undefined }, now);
  const filter: EventFilter = {
    range: parsed.range,
    actor: parseEventActor(query.by),
    client: text(query.client, CLIENT_FILTER_MAX),
    member: text(query.member, MEMBER_FILTER_MAX),
    type: eventType(query.type),
  };
  return {
    filter,
    cursor: parsed.ok ? cursorOf(query) : null,
    rangeError: parsed.ok ? null : parsed.error,
  };
}

/** The address query of a filter (only what differs from "everything"), and of a cursor when given. */
export function eventLogSearch(filter: EventFilter, cursor: EventCursor = null): string {
  const query = new URLSearchParams({ start: filter.range.start, end: filter.range.end });
  if (filter.actor === "provider") query.set("by", filter.actor);
  if (filter.client) query.set("client", filter.client);
  if (filter.member) query.set("member", filter.member);
  if (filter.type) query.set("type", filter.type);
  if (cursor && "before" in cursor) query.set("before", String(cursor.before));
  if (cursor && "after" in cursor) query.set("after", String(cursor.after));
  return query.toString();
}
