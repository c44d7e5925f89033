/** A mistake in the command line: reported with the usage text and exit code 2. */
export class UsageError extends Error {}

/** Numbers are checked by the same schemas as the /admin forms; text that is no number becomes NaN, which they refuse. */
export function numberOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return value.trim() === "" ? Number.NaN : Number(value);
}

/**
 * What a failed command prints after "Failed: ". An ActionError's message is meant for the operator; a database
 * error reaches here wrapped by Drizzle, whose message repeats the query and its parameters, so the driver's
 * message at the root of the cause chain is printed instead.
 */
export function failureMessage(error: unknown): string {
  let root = error;
  for (let depth = 0; depth < 5 && (root as { cause?: unknown } | null)?.cause instanceof Error; depth += 1) {
    root = (root as { cause: Error }).cause;
  }
  return root instanceof Error ? root.message : String(root);
}
