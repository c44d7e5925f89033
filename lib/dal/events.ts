import "server-only";
import type { Executor } from "@/db/client";
import { events } from "@/db/schema";
import type { EventType } from "@/lib/events/event-types";

/** What an action says about itself; the action wrapper adds who, from where and on behalf of which provider. */
export type EventInput = {
  type: EventType;
  actingUserId?: string | null;
  providerId?: string | null;
  organizationId?: string | null;
  userId?: string | null;
  providerUserId?: string | null;
  providerOrganizationId?: string | null;
  organizationUserId?: string | null;
  groupId?: string | null;
  collectionId?: string | null;
  cipherId?: string | null;
  policyId?: string | null;
  details?: Record<string, string | number | boolean | null>;
};

export type EventOrigin = { ip: string | null; device: string | null };

/**
 * Appends one event; callers pass their transaction so the event commits (or not) with its change. Scope-less: the
 * action wrapper and the login write events the scope (or its absence) already decided.
 */
export async function insertEvent(executor: Executor, event: EventInput & EventOrigin): Promise<void> {
  await executor.insert(events).values(event);
}
