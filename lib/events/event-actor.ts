/**
 * Whose events an organization's log shows: anyone's, or only what provider members did in it (`?by=provider`), so a
 * client sees its provider's work at a glance (issue 15). Rows a provider member wrote inside the organization carry
 * the provider's id (DESIGN §6), so the filter is that column.
 */
export type EventActor = "anyone" | "provider";

export function parseEventActor(value: unknown): EventActor {
  return value === "provider" ? "provider" : "anyone";
}
