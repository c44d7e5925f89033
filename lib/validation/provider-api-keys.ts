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

export const createProviderWebhookSchema = z.object({
  providerId: uuidSchema,
  url: z
    .string()
    .trim()
    .max(2048, "The address is too long.")
    .pipe(z.url({ protocol: /^https?$/, error: "Give a web address such as https://psa.example.com/keyhouse." }))
    // A password in the address would be kept and shown in the log; the signature is the endpoint's proof.
    .refine((url) => !/^https?:\/\/[^/]*@/i.test(url), "Leave the user name and password out of the address."),
});

export const deleteProviderWebhookSchema = z.object({ providerId: uuidSchema, webhookId: uuidSchema });
