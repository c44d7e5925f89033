"use client";

import type { CardView } from "@/lib/vault/cipher-model";
import { Section, SecretInput, SelectInput, TextInput } from "./field-controls";

const BRANDS = [
  "Visa",
  "Mastercard",
  "Amex",
  "Discover",
  "Diners Club",
  "JCB",
  "Maestro",
  "UnionPay",
  "RuPay",
  "Other",
];
const MONTHS = Array.from({ length: 12 }, (_, index) => String(index + 1));

export function CardFields({ card, onChange }: { card: CardView; onChange: (card: CardView) => void }) {
  const set = (change: Partial<CardView>) => onChange({ ...card, ...change });
  return (
    <Section title="Card details">
      <TextInput
        label="Cardholder name"
        value={card.cardholderName}
        onChange={(cardholderName) => set({ cardholderName })}
      />
      <SelectInput
        label="Brand"
        value={card.brand ?? ""}
        onChange={(brand) => set({ brand: brand || null })}
        options={[{ value: "", label: "Choose…" }, ...BRANDS.map((brand) => ({ value: brand, label: brand }))]}
      />
      <SecretInput label="Number" value={card.number} onChange={(number) => set({ number })} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectInput
          label="Expiration month"
          value={card.expMonth ?? ""}
          onChange={(expMonth) => set({ expMonth: expMonth || null })}
          options={[
            { value: "", label: "Choose…" },
            ...MONTHS.map((month) => ({ value: month, label: month.padStart(2, "0") })),
          ]}
        />
        <TextInput label="Expiration year" value={card.expYear} onChange={(expYear) => set({ expYear })} />
      </div>
      <SecretInput label="Security code" value={card.code} onChange={(code) => set({ code })} />
    </Section>
  );
}
