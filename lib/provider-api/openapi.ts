import "server-only";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { PROVIDER_API_CALLS_PER_MINUTE } from "@/lib/limits";
import { apiErrorSchema, OPERATIONS, PROVIDER_API_BASE, type ProviderApiOperation } from "./operations";

/**
 * The provider API's OpenAPI 3.1 document, generated from the zod schemas the routes parse with (./operations.ts);
 * served at /api/providers/openapi.json and drawn by the API reference page.
 */

const json = (schema: ProviderApiOperation["response"]) => ({ "application/json": { schema: schema! } });

const refusals = {
  "400": {
    description: "The input is invalid or breaks a rule (the fields say which).",
    content: json(apiErrorSchema),
  },
  "401": { description: "No live API key.", content: json(apiErrorSchema) },
  "404": { description: "Not found, or not this key's provider.", content: json(apiErrorSchema) },
  "429": {
    description: `More than ${PROVIDER_API_CALLS_PER_MINUTE} calls this minute.`,
    content: json(apiErrorSchema),
  },
};

function operationObject(operation: ProviderApiOperation): ZodOpenApiOperationObject {
  const writes = operation.method !== "get";
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    requestParams: { path: operation.params, ...(operation.query ? { query: operation.query } : {}) },
    ...(operation.body ? { requestBody: { required: true, content: json(operation.body) } } : {}),
    responses: {
      ...(operation.response
        ? {
            [String(operation.status ?? 200)]: {
              description: operation.status === 202 ? "Accepted: waiting to be set up." : "OK",
              content: json(operation.response),
            },
          }
        : { "204": { description: "Done." } }),
      ...refusals,
      ...(writes
        ? {
            "403": { description: "The key is read-only.", content: json(apiErrorSchema) },
            "409": { description: "Refused by a rule (the message says which).", content: json(apiErrorSchema) },
          }
        : {}),
    },
  };
}

/** The document, made once: it depends on nothing but the code. */
export function providerApiDocument() {
  built ??= buildDocument();
  return built;
}

let built: ReturnType<typeof buildDocument> | undefined;

function buildDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of Object.values(OPERATIONS) as ProviderApiOperation[]) {
    const path = `${PROVIDER_API_BASE}${operation.path}`;
    paths[path] = { ...paths[path], [operation.method]: operationObject(operation) };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Keyhouse provider API",
      version: "1",
      description:
        "For PSA and RMM tools: a provider's clients, their seats and members, usage, invoices and events. A provider " +
        "admin makes keys on the portal's API keys page; a key acts as its maker, in its provider alone, and a " +
        "read-only key only reads. Every call its gate lets in is in the provider's event log. Item contents and keys " +
        "are never served: they stay encrypted in the clients' vaults.",
    },
    security: [{ providerKey: [] }],
    components: { securitySchemes: { providerKey: { type: "http", scheme: "bearer", description: "khp_…" } } },
    paths,
  });
}
