import { z } from "zod";
import { PROVIDER_API_ACCESS } from "@/lib/enums";
import { nameSchema, uuidSchema } from "./common";

export const createProviderApiKeySchema = z.object({
  providerId: uuidSchema,
  name: nameSchema("Key name"),
  access: z.enum(PROVIDER_API_ACCESS, { error: "Choose read-only or read and write." }),
});
export type CreateProviderApiKeyInput = z.output<typeof createProviderApiKeySchema>;

export const revokeProviderApiKeySchema = z.object({ providerId: uuidSchema, keyId: uuidSchema });
