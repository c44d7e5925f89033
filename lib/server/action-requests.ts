import "server-only";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/limits";

/**
 * A first look at a server action request (a POST with a `next-action` header) before Next.js decodes it. Next.js
 * answers 500 to a body it cannot decode: empty, not JSON, nested deep enough to overflow its decoder's stack, or
 * over the body limit. proxy.ts refuses those with a 400 and a sentence instead.
 *
 * What Next.js's client sends: the arguments as one JSON array, posted as `text/plain;charset=UTF-8`; or, when an
 * argument is a FormData (or needs more than one part), `multipart/form-data` whose part "0" is that array and whose
 * other numbered parts are JSON too (the form's own fields are named "_1_email" and so on).
 */

/** Far deeper than any action's input (an imported item is about 8 levels), far shallower than a stack overflow. */
export const MAX_ACTION_NESTING = 64;

const TOO_LARGE = `The request is too large: server actions accept at most ${ACTION_BODY_LIMIT_BYTES / (1024 * 1024)} MB.`;
const MALFORMED = "The request body is malformed.";

export function isActionRequest(request: Request): boolean {
  return request.method === "POST" && request.headers.has("next-action");
}

/** Why this action request cannot be a real one, or null when Next.js may decode it. */
export async function actionRequestProblem(request: Request): Promise<string | null> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const multipart = type.startsWith("multipart/form-data");
  if (!multipart && !/^(text\/plain|application\/json)\s*(;|$)/.test(type)) {
    return "A server action must be sent as text/plain or multipart/form-data.";
  }
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= ACTION_BODY_LIMIT_BYTES)) return TOO_LARGE;
  // A copy: the request itself goes on, unread, to Next.js.
  const body = await readAtMost(request.clone(), ACTION_BODY_LIMIT_BYTES);
  if (body === null) return TOO_LARGE;
  if (body.length === 0) return "The request body is empty.";
  return multipart ? multipartProblem(body, type) : rowProblem(body, true);
}

/** The body's bytes, or null as soon as there are more than `limit` (what a Content-Length cannot promise). */
async function readAtMost(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a cancelled copy settles only once the original is cancelled too.
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

async function multipartProblem(body: Uint8Array, type: string): Promise<string | null> {
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    return MALFORMED;
  }
  if (typeof form.get("0") !== "string") return MALFORMED;
  for (const [name, value] of form.entries()) {
    // Numbered parts are JSON rows; "_1_email" parts are the form's own fields, files are files.
    if (!/^[0-9a-f]+$/.test(name) || typeof value !== "string") continue;
    const problem = rowProblem(value, name === "0");
    if (problem) return problem;
  }
  return null;
}

/** One JSON row of the request: valid JSON, not too deep, and for the root the array of arguments. */
function rowProblem(row: Uint8Array | string, root: boolean): string | null {
  let text: string;
  try {
    text = typeof row === "string" ? row : new TextDecoder("utf-8", { fatal: true }).decode(row);
  } catch {
    return "The request body is not valid UTF-8.";
  }
  // Measured before parsing, so that nothing recursive ever sees a deep value.
  if (nestingDepth(text) > MAX_ACTION_NESTING)
    return `The request body nests deeper than ${MAX_ACTION_NESTING} levels.`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return MALFORMED;
  }
  return root && !Array.isArray(value) ? MALFORMED : null;
}

/** How deep JSON text nests its arrays and objects (brackets inside strings do not count). One pass, no recursion. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (char === 0x5d || char === 0x7d) {
      depth -= 1;
    }
  }
  return deepest;
}
