import { z } from "zod";
import { PROVIDER_ACCESS_LEVELS, PROVIDER_ACCESS_RULES } from "@/lib/enums";
import { uuidSchema } from "./common";

/** How long a provider member may ask to read a client's items: 1 hour to 7 days (a check in the schema agrees). */
export const PROVIDER_ACCESS_MINUTES = { min: 60, max: 7 * 24 * 60 } as const;

/** The durations offered in the forms; any whole number of minutes in range is accepted. */
export const PROVIDER_ACCESS_DURATIONS = [
  { minutes: 60, label: "1 hour" },
  { minutes: 4 * 60, label: "4 hours" },
  { minutes: 8 * 60, label: "8 hours" },
  { minutes: 24 * 60, label: "1 day" },
  { minutes: 3 * 24 * 60, label: "3 days" },
  { minutes: 7 * 24 * 60, label: "7 days" },
] as const;

const minutesSchema = z.coerce
  .number({ error: "Choose how long the access lasts." })
  .int("Choose how long the access lasts.")
  .min(PROVIDER_ACCESS_MINUTES.min, "Access lasts at least 1 hour.")
  .max(PROVIDER_ACCESS_MINUTES.max, "Access lasts at most 7 days.");

const levelSchema = z.enum(PROVIDER_ACCESS_LEVELS, { error: "Choose view only or edit." });

/** A provider member asks a client for its items (or one collection's), saying why and for how long. */
export const requestProviderAccessSchema = z.object({
  organizationId: uuidSchema,
  collectionId: z.preprocess((value) => (value === "" ? null : value), uuidSchema.nullable()),
  reason: z
    .string({ error: "Say why you need access." })
    .trim()
    .min(1, "Say why you need access.")
    .max(500, "Keep the reason under 500 characters."),
  access: levelSchema,
  minutes: minutesSchema,
});

export const providerAccessRequestRefSchema = z.object({ organizationId: uuidSchema, requestId: uuidSchema });

/** The client's answer: approve (as asked, or shorter, or view only instead of edit) or deny. */
export const decideProviderAccessSchema = z.discriminatedUnion("decision", [
  providerAccessRequestRefSchema.extend({
    decision: z.literal("approve"),
    access: levelSchema,
    minutes: minutesSchema,
  }),
  providerAccessRequestRefSchema.extend({ decision: z.literal("deny") }),
]);

export type ProviderAccessDecision = z.output<typeof decideProviderAccessSchema>;

/** The owner's standing rule, with the named technicians it trusts (their provider membership ids). */
export const setProviderAccessRuleSchema = z.object({
  organizationId: uuidSchema,
  rule: z.enum(PROVIDER_ACCESS_RULES, { error: "Choose a rule." }),
  technicianIds: z
    .array(uuidSchema)
    .max(500, "Name at most 500 technicians.")
    .transform((ids) => [...new Set(ids)]),
});
