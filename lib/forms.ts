/** A number typed into a form: an empty or non-numeric field becomes NaN, which the schemas refuse with a sentence. */
export function seatsValue(value: FormDataEntryValue | null): number {
  const text = String(value ?? "").trim();
  return text === "" ? Number.NaN : Number(text);
}
