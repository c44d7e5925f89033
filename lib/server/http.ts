import "server-only";
import type { z } from "zod";
import { issueMessage } from "@/lib/validation/errors";

/** Reads a JSON request body through a zod schema; malformed JSON and invalid fields both become a 400 answer. */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { ok: false, response: badRequest("The request body must be JSON.") };
  }
  const parsed = await schema.safeParseAsync(body);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    return { ok: false, response: badRequest(first ? issueMessage(first) : "The request is malformed.") };
  }
  return { ok: true, data: parsed.data };
}

export function badRequest(message: string): Response {
  return Response.json({ error: message }, { status: 400, headers: { "Cache-Control": "no-store" } });
}
