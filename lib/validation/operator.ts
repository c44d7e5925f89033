import { z } from "zod";
import { BILLING_BASES } from "@/lib/enums";
import { uuidSchema } from "./common";
import { seatMinimumSchema } from "./provider";

/** Both plan minimums of one provider, as the operator's "Edit seat minimums" dialog sends them. */
export const updateProviderPlansSchema = z.object({
  providerId: uuidSchema,
  teamsMinimum: seatMinimumSchema,
  enterpriseMinimum: seatMinimumSchema,
  /** Left out, the provider's basis stays as it is. */
  billingBasis: z.enum(BILLING_BASES, { error: "Choose peak or average seats." }).optional(),
});
export type UpdateProviderPlansInput = z.infer<typeof updateProviderPlansSchema>;

export const setProviderEnabledSchema = z.object({
  providerId: uuidSchema,
  enabled: z.boolean({ error: "Say whether the provider is enabled." }),
});

export const PROVIDERS_PAGE_SIZE = 50;

/**
 * The /admin list's search parameters. A link with a bad value still shows a list (the first page, or no
 * search) rather than an error page.
 */
export const providerListParamsSchema = z.object({
  q: z.string().trim().max(50).catch(""),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});
export type ProviderListParams = z.infer<typeof providerListParamsSchema>;
