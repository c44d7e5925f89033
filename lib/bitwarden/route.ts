import "server-only";
import type { z } from "zod";
import type { ActionResult } from "@/lib/authz/action";
import { ActionError, gateOutcome } from "@/lib/authz/action-error";
import { withBearerToken } from "@/lib/auth/session";
import { type BodyResult, readJsonBody } from "@/lib/server/http";
import { isDatabaseError, log, summarizeError } from "@/lib/server/log";
import { unavailableJson } from "@/lib/unavailable";
import { fieldErrorsOf } from "@/lib/validation/errors";

/**
 * The plumbing of the Bitwarden client API's routes (DESIGN §12). A route is thin: parse with zod, call the same gates,
 * DAL functions and server actions as the web pages (the route runs with the caller its access token names), and
 * shape the answer in Bitwarden's JSON. Errors take Bitwarden's shape, `{ message, validationErrors }`, which the apps
 * show; cross-tenant ids get a 404 as everywhere else.
 */

const NO_STORE = { "Cache-Control": "no-store" };

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function apiError(status: number, message: string, validationErrors?: Record<string, string[]>): Response {
  return json({ object: "error", message, validationErrors: validationErrors ?? null }, status);
}

export const notFoundResponse = () => apiError(404, "Resource not found.");

type RouteContext<P> = { params: Promise<P> };

/** Wraps a route handler: token-authenticated gates, and failures answered in Bitwarden's shape (never a stack). */
export function apiRoute<P = Record<string, never>>(handler: (request: Request, params: P) => Promise<Response>) {
  return (request: Request, context: RouteContext<P>): Promise<Response> =>
    withBearerToken(request, async () => {
      try {
        return await handler(request, await context.params);
      } catch (error) {
        return failureResponse(error);
      }
    });
}

function failureResponse(error: unknown): Response {
  if (error instanceof ActionError) return apiError(400, error.message);
  const outcome = gateOutcome(error);
  if (outcome === "not_found") return notFoundResponse();
  // requireUser() redirects signed-out callers to /login; an app gets a 401 and refreshes its token.
  if (outcome === "signed_out") return apiError(401, "Not signed in.");
  if (isDatabaseError(error)) return unavailableJson();
  log.error({ err: summarizeError(error) }, "api route failed");
  return apiError(500, "An error has occurred.");
}

/** Reads a JSON body through a zod schema; a 400 in Bitwarden's shape names what is wrong. */
export function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<BodyResult<S>> {
  return readJsonBody(request, schema, (error) => {
    if (!error) return apiError(400, "The request body must be JSON.");
    const fields = fieldErrorsOf(error);
    const messages = Object.values(fields);
    return apiError(
      400,
      messages.length === 1 ? messages[0]! : "The model state is invalid.",
      Object.fromEntries(Object.entries(fields).map(([field, message]) => [field, [message]])),
    );
  });
}

/**
 * A server action's result as an API answer: `shape` makes the answer from its value (a response, a body, or
 * undefined for an empty 200), or its failure gets the matching status.
 */
export async function actionResponse<R extends object>(
  result: ActionResult<R>,
  shape: (value: R) => unknown,
): Promise<Response> {
  if (result.ok) {
    const body = await shape(result);
    if (body instanceof Response) return body;
    return body === undefined ? new Response(null, { status: 200, headers: NO_STORE }) : json(body);
  }
  const status = { invalid_input: 400, unauthenticated: 401, not_found: 404, rejected: 400, internal: 500 }[
    result.code
  ];
  const validation = result.fieldErrors
    ? Object.fromEntries(Object.entries(result.fieldErrors).map(([field, message]) => [field, [message]]))
    : undefined;
  return apiError(status, result.error, validation);
}
