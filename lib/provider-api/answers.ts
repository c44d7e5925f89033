import "server-only";
import type { z } from "zod";
import type { ClientRow } from "@/lib/dal/clients";
import type { PendingClient } from "@/lib/dal/pending-clients";
import type { InvoiceWithItems } from "@/lib/dal/billing";
import type { EventRow } from "@/lib/events/rows";
import { describeEvent } from "@/lib/events/event-types";
import type { clientSchema, pendingClientSchema } from "./operations";

/** DAL rows in the API's shapes (./operations.ts): names an integrator reads, no internal columns. */

export function clientAnswer(client: ClientRow): z.input<typeof clientSchema> {
  return {
    id: client.id,
    name: client.name,
    plan: client.planType,
    seatsAssigned: client.assigned,
    seatsUsed: client.used,
    awaitingConfirmation: client.needsConfirmation,
    enabled: client.enabled,
  };
}

export function invoiceAnswer(invoice: InvoiceWithItems) {
  const { items, ...summary } = invoice;
  return {
    ...summary,
    items: items.map((item) => ({
      clientId: item.organizationId,
      clientName: item.clientName,
      plan: item.planType,
      seatsAssigned: item.assignedSeats,
      seatsUsed: item.usedSeats,
      billedSeats: item.billedSeats,
      billedBy: item.billingBasis,
      seatPriceCents: item.seatPriceCents,
      totalCents: item.estimatedTotalCents,
    })),
  };
}

export function eventAnswer(row: EventRow) {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    type: row.type,
    description: describeEvent(row.type),
    actor: row.actingUserId ? { name: row.actorName, email: row.actorEmail } : null,
    client: row.organizationId ? { id: row.organizationId, name: row.organizationName } : null,
    ip: row.ip,
  };
}

export function pendingClientAnswer(pending: PendingClient): z.input<typeof pendingClientSchema> {
  return {
    id: pending.id,
    status: pending.setUpAt ? "created" : "awaiting_setup",
    name: pending.name,
    ownerEmail: pending.ownerEmail,
    plan: pending.planType,
    seats: pending.seats,
    requestedAt: pending.createdAt.toISOString(),
    clientId: pending.organizationId,
  };
}
