/** A mistake in the command line: reported with the usage text and exit code 2. */
export class UsageError extends Error {}

/** Numbers are checked by the same schemas as the /admin forms; text that is no number becomes NaN, which they refuse. */
export function numberOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return value.trim() === "" ? Number.NaN : Number(value);
}
