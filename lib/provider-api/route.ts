import "server-only";
import type { z } from "zod";
import type { ActionResult } from "@/lib/authz/action";
import { ActionError, gateOutcome } from "@/lib/authz/action-error";
import { requireProviderScope } from "@/lib/authz/scope";
import type { ProviderScope } from "@/lib/authz/scope-brand";
import { originFromHeaders } from "@/lib/auth/request-origin";
import { withProviderApiKey } from "@/lib/auth/session";
import { type ApiKeyCaller, authenticateProviderApiKey, recordProviderApiCall } from "@/lib/dal/provider-api-keys";
import { PROVIDER_API_CALLS_PER_MINUTE } from "@/lib/limits";
import { isDatabaseError, log, summarizeError } from "@/lib/server/log";
import { unavailableJson } from "@/lib/unavailable";
import { readJsonBody } from "@/lib/server/http";
import { fieldErrorsOf, fieldErrorSummary } from "@/lib/validation/errors";
import type { ProviderApiOperation } from "./operations";

/**
 * The one way into the provider API: key → rate limit → the key's provider and access → zod → the same gate as the
 * portal's page (requireProviderScope, as the key's maker) → handler → the call in the provider's log. Failures are
 * `{ error: { code, message, fields? } }` with their status; never a stack, SQL or a parameter.
 */

type Input<O extends ProviderApiOperation> = {
  scope: ProviderScope;
  params: z.output<O["params"]>;
  query: O["query"] extends z.ZodType ? z.output<O["query"]> : undefined;
  body: O["body"] extends z.ZodType ? z.output<O["body"]> : undefined;
};

type Answer<O extends ProviderApiOperation> = O["response"] extends z.ZodType ? z.input<O["response"]> : void;

/** A refusal the handler decides (a failed action, a missing row). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFoundProblem = () => new ApiProblem(404, "not_found", "Not found.");

/** A server action's value, or its failure as the matching problem. */
export function unwrap<R extends object>(result: ActionResult<R>): R {
  if (result.ok) return result;
  const status = { invalid_input: 400, not_found: 404, rejected: 409, unauthenticated: 401, internal: 500 }[
    result.code
  ];
  throw new ApiProblem(status, result.code, result.error, result.fieldErrors);
}

function problem(status: number, code: string, message: string, extra: HeadersInit = {}, fields?: object): Response {
  return Response.json(
    { error: fields ? { code, message, fields } : { code, message } },
    { status, headers: { "Cache-Control": "no-store", ...extra } },
  );
}

function presentedKey(request: Request): string | null {
  return /^Bearer +(khp_[\w-]{1,200})$/i.exec(request.headers.get("authorization")?.trim() ?? "")?.[1] ?? null;
}

function rateHeaders(caller: ApiKeyCaller): Record<string, string> {
  const remaining = Math.max(0, PROVIDER_API_CALLS_PER_MINUTE - caller.callsThisMinute);
  return { "X-RateLimit-Limit": String(PROVIDER_API_CALLS_PER_MINUTE), "X-RateLimit-Remaining": String(remaining) };
}

async function readInput<O extends ProviderApiOperation>(
  operation: O,
  request: Request,
): Promise<{ ok: true; query: unknown; body: unknown } | { ok: false; response: Response }> {
  const invalid = (error: z.ZodError) => {
    const fields = fieldErrorsOf(error);
    return problem(400, "invalid_input", fieldErrorSummary(fields), {}, fields);
  };
  let query: unknown;
  if (operation.query) {
    const parsed = operation.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return { ok: false, response: invalid(parsed.error) };
    query = parsed.data;
  }
  if (!operation.body) return { ok: true, query, body: undefined };
  const body = await readJsonBody(request, operation.body, (error) =>
    error ? invalid(error) : problem(400, "invalid_input", "The request body must be JSON."),
  );
  return body.ok ? { ok: true, query, body: body.data } : body;
}

function failure(error: unknown): Response {
  if (error instanceof ApiProblem) return problem(error.status, error.code, error.message, {}, error.fields);
  if (error instanceof ActionError) return problem(403, "forbidden", error.message);
  const outcome = gateOutcome(error);
  if (outcome === "not_found") return problem(404, "not_found", "Not found.");
  // The gate sends a caller it no longer knows to log in: here, the key was revoked during the call.
  if (outcome === "signed_out") return problem(401, "unauthenticated", "This API key is no longer live.");
  if (isDatabaseError(error)) return unavailableJson();
  log.error({ err: summarizeError(error) }, "provider api call failed");
  return problem(500, "internal", "Something went wrong and nothing was saved. Please try again.");
}

/** The call of an authenticated key within its rate limit: its provider and access, the input, the gate, the handler. */
async function answer<O extends ProviderApiOperation>(
  operation: O,
  handler: (input: Input<O>) => Promise<Answer<O>>,
  request: Request,
  rawParams: Record<string, string>,
  caller: ApiKeyCaller,
): Promise<Response> {
  const params = operation.params.safeParse(rawParams);
  // Another provider's id, or no id at all, is a 404 as in the portal.
  if (!params.success || params.data.providerId !== caller.providerId) return problem(404, "not_found", "Not found.");
  if (operation.method !== "get" && caller.access !== "write")
    return problem(403, "read_only", "This API key is read-only.");
  const input = await readInput(operation, request);
  if (!input.ok) return input.response;

  return withProviderApiKey(caller, async () => {
    const scope = await requireProviderScope(params.data.providerId, operation.permission);
    const response = await handler({ scope, params: params.data, query: input.query, body: input.body } as Input<O>)
      .then((value) =>
        value === undefined
          ? new Response(null, { status: 204 })
          : Response.json(value, { status: operation.status ?? 200 }),
      )
      .catch(failure);
    // After the change committed: a failure to log the call must not tell the tool that nothing was saved.
    await recordProviderApiCall(scope, {
      key: caller,
      operation: operation.operationId,
      status: response.status,
      origin: originFromHeaders(request.headers),
    }).catch((error: unknown) => log.error({ err: summarizeError(error) }, "recording a provider API call failed"));
    return response;
  });
}

/** A route handler for one operation of the provider API. */
export function providerApiRoute<const O extends ProviderApiOperation>(
  operation: O,
  handler: (input: Input<O>) => Promise<Answer<O>>,
) {
  return async (request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      const presented = presentedKey(request);
      const caller = presented ? await authenticateProviderApiKey(presented) : null;
      if (!caller)
        return problem(401, "unauthenticated", "Give a live provider API key: Authorization: Bearer khp_…", {
          "WWW-Authenticate": 'Bearer realm="Keyhouse provider API"',
        });
      const limits = rateHeaders(caller);
      if (caller.callsThisMinute > PROVIDER_API_CALLS_PER_MINUTE)
        return problem(429, "rate_limited", `At most ${PROVIDER_API_CALLS_PER_MINUTE} calls a minute per key.`, {
          ...limits,
          "Retry-After": String(60 - new Date().getUTCSeconds()),
        });
      const response = await answer(operation, handler, request, await context.params, caller).catch(failure);
      for (const [name, value] of Object.entries(limits)) response.headers.set(name, value);
      response.headers.set("Cache-Control", "no-store");
      return response;
    } catch (error) {
      return failure(error);
    }
  };
}
