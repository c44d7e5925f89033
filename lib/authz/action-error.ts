import "server-only";
/** Thrown by an action for an expected refusal: the transaction rolls back and the message reaches the user. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "ActionError";
  }
}

/**
 * What a gate's notFound() or redirect() meant, read from the digest Next.js throws them with: a tenant that is not
 * the caller's ("not_found"), or a caller the gate sent to log in ("signed_out"). Null for any other error.
 */
export function gateOutcome(error: unknown): "not_found" | "signed_out" | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string") return null;
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "not_found";
  return digest.startsWith("NEXT_REDIRECT") ? "signed_out" : null;
}
