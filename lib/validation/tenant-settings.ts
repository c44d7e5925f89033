import { emailSchema, nameSchema } from "./common";

/**
 * The settings an organization and a provider share, for their schemas to spread next to the tenant's id: a name,
 * called in messages as each calls it, and a billing email.
 */
export const nameAndBillingEmailFields = (nameLabel: string) => ({
  name: nameSchema(nameLabel),
  billingEmail: emailSchema,
});

export type NameAndBillingEmail = { name: string; billingEmail: string };
