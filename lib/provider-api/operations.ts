import "server-only";
import { z } from "zod";
import type { ProviderPermission } from "@/lib/authz/permissions";
import { EVENT_TYPES } from "@/lib/events/event-types";
import { clientNameSchema, requestClientSchema, seatsSchema } from "@/lib/validation/clients";

/**
 * The provider API (issue 16 part 5) as data: each operation's path, gate and zod schemas. The route handlers parse
 * with these schemas (lib/provider-api/route.ts) and the OpenAPI document is generated from them
 * (lib/provider-api/openapi.ts), so the document cannot say something the routes do not do.
 */

export const PROVIDER_API_BASE = "/api/providers/{providerId}/v1";

const id = (description: string) => z.uuid().meta({ description });
const providerParams = z.object({ providerId: id("The provider's id (the key's own provider; any other is a 404).") });
const clientParams = providerParams.extend({ clientId: id("The client organization's id.") });
const page = z.coerce.number().int().min(1).max(100_000).default(1).meta({ description: "The page, from 1." });

export const clientSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    plan: z.string().meta({
      description: "teams_monthly or enterprise_monthly; an organization added with another plan keeps it.",
    }),
    seatsAssigned: z.int(),
    seatsUsed: z.int(),
    awaitingConfirmation: z.int().meta({ description: "Members who accepted and wait for a confirmation." }),
    enabled: z.boolean(),
  })
  .meta({ id: "Client" });

const clientPageSchema = z
  .object({ clients: z.array(clientSchema), page: z.int(), pageSize: z.int(), total: z.int() })
  .meta({ id: "ClientPage" });

export const clientUpdateSchema = z
  .object({ name: clientNameSchema.optional(), seats: seatsSchema.optional() })
  .refine((body) => body.name !== undefined || body.seats !== undefined, "Give a new name or a number of seats.")
  .meta({ id: "ClientUpdate" });

export const pendingClientSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(["awaiting_setup", "created"]).meta({
      description: "awaiting_setup until a provider member sets it up in the portal; then created.",
    }),
    name: z.string(),
    ownerEmail: z.string(),
    plan: z.string(),
    seats: z.int(),
    requestedAt: z.iso.datetime(),
    clientId: z.uuid().nullable().meta({ description: "The client it became, once created." }),
  })
  .meta({ id: "PendingClient" });

const memberSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.string().meta({ description: "owner, admin, user or custom." }),
    status: z.string().meta({ description: "invited, accepted, confirmed or revoked." }),
  })
  .meta({ id: "Member" });

const memberPageSchema = z
  .object({ members: z.array(memberSchema), page: z.int(), pageSize: z.int(), total: z.int() })
  .meta({ id: "MemberPage" });

const usageSchema = z
  .object({
    month: z.string(),
    days: z.int().meta({ description: "Days in the month." }),
    clients: z.array(
      z.object({
        clientId: z.uuid(),
        name: z.string(),
        daysRecorded: z.int(),
        peakSeatsAssigned: z.int(),
        averageSeatsAssigned: z.number().meta({ description: "Seat-days over the month's days, to the hundredth." }),
        peakSeatsUsed: z.int(),
      }),
    ),
  })
  .meta({ id: "Usage" });

const invoiceSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  totalCents: z.int(),
});

const invoicePageSchema = z
  .object({ invoices: z.array(invoiceSummarySchema), page: z.int(), pageSize: z.int(), total: z.int() })
  .meta({ id: "InvoicePage" });

const invoiceSchema = invoiceSummarySchema
  .extend({
    items: z.array(
      z.object({
        clientId: z.uuid(),
        clientName: z.string(),
        plan: z.string(),
        seatsAssigned: z.int(),
        seatsUsed: z.int(),
        billedSeats: z.number(),
        billedBy: z.string().meta({ description: "peak or average (from the usage ledger), or assigned." }),
        seatPriceCents: z.int(),
        totalCents: z.int(),
      }),
    ),
  })
  .meta({ id: "Invoice" });

const eventTypeSchema = z.enum(Object.keys(EVENT_TYPES) as [keyof typeof EVENT_TYPES, ...(keyof typeof EVENT_TYPES)[]]);

const eventPageSchema = z
  .object({
    events: z.array(
      z.object({
        id: z.int(),
        occurredAt: z.iso.datetime(),
        type: z.string(),
        description: z.string(),
        actor: z.object({ name: z.string().nullable(), email: z.string().nullable() }).nullable(),
        client: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
        ip: z.string().nullable(),
      }),
    ),
    before: z.int().nullable().meta({ description: "Pass as `before` for the next, older page; null at the end." }),
  })
  .meta({ id: "EventPage" });

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ id: "Error" });

type Method = "get" | "post" | "patch" | "delete";

export type ProviderApiOperation = {
  operationId: string;
  method: Method;
  /** Below PROVIDER_API_BASE, in OpenAPI's form (`/clients/{clientId}`). */
  path: string;
  summary: string;
  description?: string;
  /** What the key's maker must hold in the provider (the gate of the page that does the same). */
  permission: ProviderPermission;
  params: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The answer's schema; none for 204 No Content. */
  response?: z.ZodType;
  /** The success status when not 200 (or 204 without a response). */
  status?: 202;
};

const op = <const O extends ProviderApiOperation>(operation: O) => operation;

export const OPERATIONS = {
  listClients: op({
    operationId: "listClients",
    method: "get",
    path: "/clients",
    summary: "List clients",
    description: "The clients the key's maker reaches, by name, 50 to a page; `search` matches part of a name.",
    permission: "provider.clients.view",
    params: providerParams,
    query: z.object({ page, search: z.string().trim().max(50).optional() }),
    response: clientPageSchema,
  }),
  createClient: op({
    operationId: "createClient",
    method: "post",
    path: "/clients",
    summary: "Ask for a new client",
    description:
      "A new client's encryption keys are made in a provider member's browser, never on the server, so this answers " +
      "202 with a pending client: it waits on the portal's Clients page until a member sets it up, which creates " +
      "the client, invites its owner and sends the client.created webhook. Follow it with getPendingClient.",
    permission: "provider.clients.create",
    params: providerParams,
    body: requestClientSchema.meta({ id: "ClientRequest" }),
    response: pendingClientSchema,
    status: 202,
  }),
  getPendingClient: op({
    operationId: "getPendingClient",
    method: "get",
    path: "/pending-clients/{pendingClientId}",
    summary: "Read a client asked for",
    permission: "provider.clients.view",
    params: providerParams.extend({ pendingClientId: id("The pending client's id, from createClient.") }),
    response: pendingClientSchema,
  }),
  getClient: op({
    operationId: "getClient",
    method: "get",
    path: "/clients/{clientId}",
    summary: "Read a client",
    permission: "provider.clients.view",
    params: clientParams,
    response: clientSchema,
  }),
  updateClient: op({
    operationId: "updateClient",
    method: "patch",
    path: "/clients/{clientId}",
    summary: "Rename a client or change its seats",
    description: "Seats cannot go below the seats in use. Sends the seats-changed webhook when the seats change.",
    permission: "provider.clients.update",
    params: clientParams,
    body: clientUpdateSchema,
    response: clientSchema,
  }),
  unlinkClient: op({
    operationId: "unlinkClient",
    method: "delete",
    path: "/clients/{clientId}",
    summary: "Unlink a client",
    description: "The organization leaves the provider and keeps its members and items (as the portal's Unlink).",
    permission: "provider.clients.unlink",
    params: clientParams,
  }),
  listClientMembers: op({
    operationId: "listClientMembers",
    method: "get",
    path: "/clients/{clientId}/members",
    summary: "List a client's members",
    description: "Emails, roles and statuses, 50 to a page. Never an item or a key.",
    permission: "provider.clients.view",
    params: clientParams,
    query: z.object({ page }),
    response: memberPageSchema,
  }),
  getUsage: op({
    operationId: "getUsage",
    method: "get",
    path: "/usage",
    summary: "A month's usage",
    description: "Each client's days in the usage ledger for the month: peak and average seats assigned, peak used.",
    permission: "provider.billing.view",
    params: providerParams,
    query: z.object({
      month: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Give the month as YYYY-MM.")
        .meta({ description: "YYYY-MM" }),
    }),
    response: usageSchema,
  }),
  listInvoices: op({
    operationId: "listInvoices",
    method: "get",
    path: "/invoices",
    summary: "List invoices",
    description: "Newest period first, 20 to a page.",
    permission: "provider.billing.view",
    params: providerParams,
    query: z.object({ page }),
    response: invoicePageSchema,
  }),
  getInvoice: op({
    operationId: "getInvoice",
    method: "get",
    path: "/invoices/{invoiceId}",
    summary: "Read an invoice with its lines",
    permission: "provider.billing.view",
    params: providerParams.extend({ invoiceId: id("The invoice's id.") }),
    response: invoiceSchema,
  }),
  listEvents: op({
    operationId: "listEvents",
    method: "get",
    path: "/events",
    summary: "List events",
    description:
      "The provider's rolled-up event log, newest first, 50 to a page: its own events and those of the clients the " +
      "key's maker reaches. Follow `before` for older pages.",
    permission: "provider.events.view",
    params: providerParams,
    query: z.object({
      start: z.iso.date().optional().meta({ description: "First day (UTC), YYYY-MM-DD; 30 days ago by default." }),
      end: z.iso.date().optional().meta({ description: "Last day (UTC), YYYY-MM-DD; today by default." }),
      client: z.string().trim().max(100).optional().meta({ description: "Part of a client's name." }),
      type: eventTypeSchema.optional(),
      before: z.coerce.number().int().positive().optional().meta({ description: "An event id from `before`." }),
    }),
    response: eventPageSchema,
  }),
} as const satisfies Record<string, ProviderApiOperation>;

export type OperationName = keyof typeof OPERATIONS;
