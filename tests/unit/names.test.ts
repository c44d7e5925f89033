import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { startRegistrationSchema } from "@/lib/validation/account";
import { updateNameSchema } from "@/lib/validation/account-security";
import { clientNameSchema } from "@/lib/validation/clients";
import { saveGroupSchema } from "@/lib/validation/collections";
import { nameProblem, nameSchema } from "@/lib/validation/common";
import { organizationSettingsSchema } from "@/lib/validation/organization-settings";
import { createProviderSchema, providerSettingsSchema } from "@/lib/validation/provider";
import { providerRequestSchema } from "@/lib/validation/provider-requests";

const ID = "6f1c3a52-8a1e-4c57-9d0b-2f7f5b8e9c11";

/** Names that look blank, or like another one, once shown. */
const INVISIBLE = ["\u200b", "\u200b\u200c\u200d\u2060", "\u3164", "\u2800\u2800", "\u00ad", "\u0301", " \ufeff "];
const BIDI = ["\u202eCorp", "Acme\u202a", "Acme\u2066Ltd\u2069", "Acme\u200e", "\u200fAcme", "Acme\u061c"];
const CONTROLS = ["Acme\nLtd", "Acme\u0000", "Acme\tLtd", "Acme\u0085"];
const FINE = ["Acme", "Ünïcödé GmbH", "株式会社", "שלום", "مرحبا", "👍", "R&D", "O'Brien", "3M", "Zoë\u200dx"];

function message(result: z.ZodSafeParseResult<unknown>): string | undefined {
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe("nameProblem: a name must show, and show as typed", () => {
  it.each(INVISIBLE)("refuses a name with nothing visible (%j)", (name) => {
    expect(nameProblem(name, "Name")).toBe("Name must contain at least one visible character.");
  });

  it.each(BIDI)("refuses characters that change the text direction (%j)", (name) => {
    expect(nameProblem(name, "Group name")).toBe(
      "Group name cannot contain characters that change the text direction.",
    );
  });

  it.each(CONTROLS)("refuses line breaks and control characters (%j)", (name) => {
    expect(nameProblem(name, "Name")).toBe("Name cannot contain line breaks or control characters.");
  });

  it.each(FINE)("accepts names in any script, with symbols and joiners between letters (%j)", (name) => {
    expect(nameProblem(name, "Name")).toBeNull();
    expect(nameSchema("Name").parse(name)).toBe(name.trim());
  });

  it("nameSchema keeps its prompt for an empty name and its length limit", () => {
    expect(message(nameSchema("Organization name").safeParse("   "))).toBe("Enter an organization name.");
    expect(message(nameSchema("Name", 5).safeParse("abcdef"))).toBe("Name must be at most 5 characters.");
    expect(message(nameSchema("Name").safeParse("\u202e\u200d"))).toBe(
      "Name cannot contain characters that change the text direction.",
    );
  });
});

describe("every name-like field refuses invisible and direction-changing names", () => {
  const schemas: [string, (name: string) => z.ZodSafeParseResult<unknown>][] = [
    ["organization (new client)", (name) => clientNameSchema.safeParse(name)],
    [
      "organization (settings)",
      (name) => organizationSettingsSchema.safeParse({ organizationId: ID, name, billingEmail: "a@b.example" }),
    ],
    ["provider (operator)", (name) => createProviderSchema.safeParse({ name, ownerEmail: "a@b.example" })],
    [
      "provider (settings)",
      (name) => providerSettingsSchema.safeParse({ providerId: ID, name, billingEmail: "a@b.example" }),
    ],
    [
      "provider request",
      (name) =>
        providerRequestSchema.safeParse({
          businessName: name,
          type: "msp",
          billingEmail: "a@b.example",
          internalOrganizationId: ID,
        }),
    ],
    [
      "provider request's first client",
      (name) =>
        providerRequestSchema.safeParse({
          businessName: "Acme",
          type: "msp",
          billingEmail: "a@b.example",
          internalOrganizationId: ID,
          firstClientName: name,
        }),
    ],
    ["user (registration)", (name) => startRegistrationSchema.safeParse({ email: "a@b.example", name })],
    ["user (settings)", (name) => updateNameSchema.safeParse({ name })],
    ["group", (name) => saveGroupSchema.safeParse({ organizationId: ID, name })],
  ];

  it.each(schemas)("%s", (_what, parse) => {
    expect(message(parse("\u202e\u200d"))).toMatch(/characters that change the text direction\.$/);
    expect(message(parse("\u200b\u200b"))).toMatch(/must contain at least one visible character\.$/);
    expect(parse("Acme").success).toBe(true);
  });

  it("an optional name may still be left empty", () => {
    const request = providerRequestSchema.parse({
      businessName: "Acme",
      type: "msp",
      billingEmail: "a@b.example",
      internalOrganizationId: ID,
      firstClientName: "",
    });
    expect(request.firstClientName).toBeNull();
  });
});
