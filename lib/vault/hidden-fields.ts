import type { HiddenValueSource } from "@/lib/validation/items";
import { FIELD_TYPES, type FieldView } from "./cipher-model";

/**
 * "Can edit, except passwords": such a member receives an item's hidden custom fields without their values, and
 * the server puts the stored values back when they save. Saving re-encrypts every field with fresh IVs, so
 * ciphertext cannot tell which stored field a sent one was; the form says so instead. Each field remembers its
 * position in the item as served, and each hidden field that was served hidden sends that position with the name
 * ciphertext it had then (the server refuses the save if the item changed since). So renaming a hidden field keeps
 * its value, removing it drops it, and a new hidden field has no value.
 */

/** A custom field in the item form; `servedAt` is its position in the item as served (none for a new field). */
export type EditableField = FieldView & { servedAt?: number };

/** The fields of an item being edited, each marked with its position. */
export function editableFields(fields: FieldView[]): EditableField[] {
  return fields.map((field, servedAt) => ({ ...field, servedAt }));
}

/** The fields as they are encrypted and stored (without the form's marks). */
export function storedFields(fields: EditableField[]): FieldView[] {
  // The rest keeps what the form does not show (an app's unknown parts, cipher-crypto.ts).
  return fields.map(({ servedAt: _servedAt, ...field }) => field);
}

/** For each field: the stored hidden field whose value it keeps, or null. `served` is the item's encrypted fields as served. */
export function hiddenValueSources(
  fields: EditableField[],
  served: readonly { type: number; name: string | null }[],
): HiddenValueSource[] {
  return fields.map((field) => {
    const origin = field.servedAt === undefined ? undefined : served[field.servedAt];
    if (field.type !== FIELD_TYPES.hidden || field.servedAt === undefined || origin?.type !== FIELD_TYPES.hidden)
      return null;
    return { position: field.servedAt, name: origin.name };
  });
}
