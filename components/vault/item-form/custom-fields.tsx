"use client";

import { Button } from "@/components/ui/button";
import { CIPHER_LIMITS, FIELD_TYPES, type FieldType, type FieldView } from "@/lib/vault/cipher-model";
import type { EditableField } from "@/lib/vault/hidden-fields";
import { Section, SecretInput, SelectInput, TextInput } from "./field-controls";

const TYPE_OPTIONS = [
  { value: String(FIELD_TYPES.text), label: "Text" },
  { value: String(FIELD_TYPES.hidden), label: "Hidden" },
  { value: String(FIELD_TYPES.boolean), label: "Checkbox" },
];

/**
 * Text, hidden and checkbox fields of the person's own naming; hidden ones are masked like passwords. Edits keep
 * each field's other properties (its position as served, which says whose hidden value it keeps).
 */
export function CustomFields({
  fields,
  onChange,
  canSeeHidden,
}: {
  fields: EditableField[];
  onChange: (fields: EditableField[]) => void;
  canSeeHidden: boolean;
}) {
  const set = (index: number, change: Partial<FieldView>) =>
    onChange(fields.map((field, position) => (position === index ? { ...field, ...change } : field)));
  return (
    <Section title="Custom fields">
      {fields.length === 0 ? <p className="text-sm text-slate-600">No custom fields.</p> : null}
      {fields.map((field, index) => (
        <div
          key={index}
          className="grid gap-2 rounded-md bg-slate-50 p-3 sm:grid-cols-[9rem_1fr_1fr_auto] sm:items-end"
        >
          <SelectInput
            label={`Type of field ${index + 1}`}
            value={String(field.type)}
            onChange={(type) => set(index, { type: Number(type) as FieldType, value: null })}
            options={TYPE_OPTIONS}
          />
          <TextInput
            label={`Name of field ${index + 1}`}
            value={field.name}
            onChange={(name) => set(index, { name })}
          />
          {field.type === FIELD_TYPES.boolean ? (
            <label className="flex items-center gap-2 pb-2 text-sm">
              <input
                type="checkbox"
                checked={field.value === "true"}
                onChange={(event) => set(index, { value: event.target.checked ? "true" : "false" })}
              />
              Value of field {index + 1}
            </label>
          ) : field.type === FIELD_TYPES.hidden ? (
            canSeeHidden ? (
              <SecretInput
                label={`Value of field ${index + 1}`}
                value={field.value}
                onChange={(value) => set(index, { value })}
              />
            ) : (
              <p className="pb-2 text-sm text-slate-600">Hidden value (kept)</p>
            )
          ) : (
            <TextInput
              label={`Value of field ${index + 1}`}
              value={field.value}
              onChange={(value) => set(index, { value })}
            />
          )}
          <Button variant="ghost" onClick={() => onChange(fields.filter((_, position) => position !== index))}>
            Remove<span className="sr-only"> field {index + 1}</span>
          </Button>
        </div>
      ))}
      <div>
        <Button
          variant="secondary"
          disabled={fields.length >= CIPHER_LIMITS.fields}
          onClick={() => onChange([...fields, { type: FIELD_TYPES.text, name: null, value: null, linkedId: null }])}
        >
          Add field
        </Button>
      </div>
    </Section>
  );
}
