import { z } from "zod";
import { nameSchema, uuidSchema } from "./common";

/** A provider has at most this many clients in one scope or group change (the clients table's scale, with room). */
const MAX_CLIENTS = 10_000;

export const clientIdsSchema = z
  .array(uuidSchema)
  .max(MAX_CLIENTS, `Choose at most ${MAX_CLIENTS} clients.`)
  .transform((ids) => [...new Set(ids)]);

export const groupIdsSchema = z
  .array(uuidSchema)
  .max(500, "Choose at most 500 groups.")
  .transform((ids) => [...new Set(ids)]);

/** Which clients a service user reaches: all of them, or the chosen clients and client groups. */
export const updateClientAccessSchema = z
  .object({
    providerId: uuidSchema,
    memberId: uuidSchema,
    allClients: z.boolean(),
    clientIds: clientIdsSchema,
    groupIds: groupIdsSchema,
  })
  .refine((input) => input.allClients || input.clientIds.length > 0 || input.groupIds.length > 0, {
    path: ["clientIds"],
    message: "Choose at least one client or group, or give access to all clients.",
  });

export type ClientAccessInput = z.output<typeof updateClientAccessSchema>;

export const createClientGroupSchema = z.object({ providerId: uuidSchema, name: nameSchema("Group name") });

export const renameClientGroupSchema = z.object({
  providerId: uuidSchema,
  groupId: uuidSchema,
  name: nameSchema("Group name"),
});

export const clientGroupRefSchema = z.object({ providerId: uuidSchema, groupId: uuidSchema });

export const setClientGroupClientsSchema = z.object({
  providerId: uuidSchema,
  groupId: uuidSchema,
  clientIds: clientIdsSchema,
});
