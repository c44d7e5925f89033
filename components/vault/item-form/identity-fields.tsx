"use client";

import { IDENTITY_FIELDS, type IdentityView } from "@/lib/vault/cipher-model";
import { Section, SelectInput, TextInput } from "./field-controls";

const LABELS: Record<(typeof IDENTITY_FIELDS)[number], string> = {
  title: "Title",
  firstName: "First name",
  middleName: "Middle name",
  lastName: "Last name",
  address1: "Address 1",
  address2: "Address 2",
  address3: "Address 3",
  city: "City / Town",
  state: "State / Province",
  postalCode: "Zip / Postal code",
  country: "Country",
  company: "Company",
  email: "Email",
  phone: "Phone",
  ssn: "Social Security number",
  username: "Username",
  passportNumber: "Passport number",
  licenseNumber: "License number",
};

const TITLES = ["Mr", "Mrs", "Ms", "Mx", "Dr"];

export function IdentityFields({
  identity,
  onChange,
}: {
  identity: IdentityView;
  onChange: (identity: IdentityView) => void;
}) {
  const set = (field: keyof IdentityView, value: string | null) => onChange({ ...identity, [field]: value });
  return (
    <Section title="Identity">
      <SelectInput
        label="Title"
        value={identity.title ?? ""}
        onChange={(title) => set("title", title || null)}
        options={[{ value: "", label: "Choose…" }, ...TITLES.map((title) => ({ value: title, label: title }))]}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        {IDENTITY_FIELDS.filter((field) => field !== "title").map((field) => (
          <TextInput
            key={field}
            label={LABELS[field]}
            value={identity[field]}
            onChange={(value) => set(field, value)}
          />
        ))}
      </div>
    </Section>
  );
}

export { LABELS as IDENTITY_LABELS };
