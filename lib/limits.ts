/** Upper bound on seats: large enough for any customer, small enough to catch typos like 10^9. */
export const MAX_ORGANIZATION_SEATS = 100_000;

/**
 * The largest server action request body, in bytes: Next.js's serverActions.bodySizeLimit (next.config.ts), the
 * proxy's check of action requests, and the browser's check before it sends an item all use this one number.
 */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * About how many bytes an action call with these arguments posts. React sends plain data as one JSON array, with
 * `undefined` written as "$undefined" and strings starting with "$" escaped as "$$".
 */
export function actionBodyBytes(args: unknown[]): number {
  const json = JSON.stringify(args, (_key, value: unknown) =>
    value === undefined ? "$undefined" : typeof value === "string" && value.startsWith("$") ? `$${value}` : value,
  );
  return new TextEncoder().encode(json).length;
}

/** "1.03 MB", rounded up: a size just over the limit must not read as the limit itself. */
function formatMegabytes(bytes: number): string {
  return `${(Math.ceil((bytes / (1024 * 1024)) * 100) / 100).toFixed(2)} MB`;
}

/**
 * The sentence for an item the server's schema would accept but whose request exceeds the body limit (100 custom
 * fields of 10,000 characters, say): Next.js would refuse it before the action runs, and the browser would only
 * say the server could not be reached. Null when it fits.
 */
export function itemTooLargeProblem(args: unknown[]): string | null {
  const size = actionBodyBytes(args);
  if (size <= ACTION_BODY_LIMIT_BYTES) return null;
  return (
    `This item is too large to save: encrypted, it comes to ${formatMegabytes(size)}, and the most the server accepts is ` +
    `${formatMegabytes(ACTION_BODY_LIMIT_BYTES)}. Shorten its notes or remove some custom fields, then save again.`
  );
}

/**
 * The most KEYHOUSE_MAX_ATTACHMENT_MB may allow: an attachment's encrypted size, in MB. Bitwarden takes 500 MB (100 MB
 * from its mobile apps); Keyhouse keeps files in PostgreSQL and holds an upload in memory, so 100 MB at most.
 */
export const ATTACHMENT_MB_CEILING = 100;

/** Calls a provider API key may make in a minute (counted in the database, across every instance). */
export const PROVIDER_API_CALLS_PER_MINUTE = 120;
