import "server-only";
import type { z } from "zod";
import { issueMessage } from "@/lib/validation/errors";

export type BodyResult<S extends z.ZodType> = { ok: true; data: z.output<S> } | { ok: false; response: Response };

/**
 * Reads a JSON request body through a zod schema. Malformed JSON and invalid fields both become a 400 answer, shaped
 * by `refuse` (a null error: the body is not JSON at all).
 */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  refuse: (error: z.ZodError | null) => Response,
): Promise<BodyResult<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { ok: false, response: refuse(null) };
  }
  const parsed = await schema.safeParseAsync(body);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: refuse(parsed.error) };
}

/** `readJsonBody` with Keyhouse's own error answer: `{ error }`, the first problem found. */
export function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<BodyResult<S>> {
  return readJsonBody(request, schema, (error) => {
    if (!error) return badRequest("The request body must be JSON.");
    const [first] = error.issues;
    return badRequest(first ? issueMessage(first) : "The request is malformed.");
  });
}

export function badRequest(message: string): Response {
  return Response.json({ error: message }, { status: 400, headers: { "Cache-Control": "no-store" } });
}
