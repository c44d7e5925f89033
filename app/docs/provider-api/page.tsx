import type { Metadata } from "next";
import { Logo } from "@/components/logo";
import { providerApiDocument } from "@/lib/provider-api/openapi";

export const metadata: Metadata = { title: "Provider API reference" };

// Rendered per request like every page: a static page's scripts would lack the request's CSP nonce.
export const dynamic = "force-dynamic";

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  anyOf?: Schema[];
  default?: unknown;
};
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema; description?: string };
type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};

const refName = (ref: string) => ref.split("/").at(-1)!;

/** A schema in a few words: its type (or the schema it names), format and bounds. */
function SchemaSummary({ schema }: { schema: Schema }) {
  if (schema.$ref)
    return (
      <a href={`#schema-${refName(schema.$ref)}`} className="font-mono text-brand-700 underline">
        {refName(schema.$ref)}
      </a>
    );
  if (schema.anyOf)
    return (
      <>
        {schema.anyOf.map((part, index) => (
          <span key={index}>
            {index > 0 ? " or " : null}
            <SchemaSummary schema={part} />
          </span>
        ))}
      </>
    );
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  const bounds = [
    schema.format,
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : null,
    schema.maximum !== undefined ? `≤ ${schema.maximum}` : null,
    schema.maxLength !== undefined ? `up to ${schema.maxLength} characters` : null,
    schema.pattern ? `matches ${schema.pattern}` : null,
    schema.enum && schema.enum.length <= 8 ? `one of ${schema.enum.join(", ")}` : null,
    schema.default !== undefined ? `default ${String(schema.default)}` : null,
  ].filter(Boolean);
  return (
    <>
      <span className="font-mono">
        {type === "array" && schema.items ? (
          <>
            array of <SchemaSummary schema={schema.items} />
          </>
        ) : (
          type
        )}
      </span>
      {bounds.length > 0 ? <span className="text-slate-600"> ({bounds.join("; ")})</span> : null}
    </>
  );
}

/** An object's fields, one row each; nested objects list their own. */
function Fields({ schema }: { schema: Schema }) {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return <SchemaSummary schema={schema} />;
  return (
    <ul className="ml-4 list-disc space-y-1">
      {properties.map(([name, property]) => (
        <li key={name}>
          <code className="font-semibold">{name}</code>
          {schema.required?.includes(name) ? null : <span className="text-slate-600"> (optional)</span>}:{" "}
          {property.properties ? <Fields schema={property} /> : <SchemaSummary schema={property} />}
          {property.description ? <span className="block text-slate-600">{property.description}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function OperationSection({ method, path, operation }: { method: string; path: string; operation: Operation }) {
  const body = operation.requestBody?.content["application/json"]?.schema;
  return (
    <section
      id={operation.operationId}
      aria-labelledby={`${operation.operationId}-title`}
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h3 id={`${operation.operationId}-title`} className="text-lg font-semibold">
        {operation.summary}
      </h3>
      <p className="mt-1 font-mono text-sm break-all">
        <span className="mr-2 rounded bg-slate-800 px-1.5 py-0.5 text-xs text-white uppercase">{method}</span>
        {path}
      </p>
      {operation.description ? <p className="mt-2 text-sm text-slate-700">{operation.description}</p> : null}
      {operation.parameters?.length ? (
        <>
          <h4 className="mt-4 text-sm font-semibold">Parameters</h4>
          <ul className="mt-1 ml-4 list-disc space-y-1 text-sm">
            {operation.parameters.map((parameter) => (
              <li key={`${parameter.in}-${parameter.name}`}>
                <code className="font-semibold">{parameter.name}</code> in {parameter.in}
                {parameter.required ? ", required" : ""}:{" "}
                {parameter.schema ? <SchemaSummary schema={parameter.schema} /> : null}
                {parameter.description || parameter.schema?.description ? (
                  <span className="block text-slate-600">{parameter.description ?? parameter.schema?.description}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {body ? (
        <>
          <h4 className="mt-4 text-sm font-semibold">JSON body</h4>
          <div className="mt-1 text-sm">
            <SchemaSummary schema={body} />
          </div>
        </>
      ) : null}
      <h4 className="mt-4 text-sm font-semibold">Answers</h4>
      <ul className="mt-1 ml-4 list-disc space-y-1 text-sm">
        {Object.entries(operation.responses).map(([status, response]) => {
          const schema = response.content?.["application/json"]?.schema;
          return (
            <li key={status}>
              <span className="font-mono font-semibold">{status}</span> {response.description}
              {schema && status < "300" ? (
                <>
                  {" "}
                  <SchemaSummary schema={schema} />
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * The provider API's reference for PSA and RMM integrators, drawn from its OpenAPI document: public, as the document
 * is (the routes it describes take keys).
 */
export default function ProviderApiReferencePage() {
  const document = providerApiDocument();
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    (["get", "post", "patch", "delete"] as const).flatMap((method) => {
      const operation = (item as Record<string, Operation | undefined>)[method];
      return operation ? [{ method, path, operation }] : [];
    }),
  );
  const schemas = Object.entries((document.components?.schemas ?? {}) as Record<string, Schema>);
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <Logo className="mb-6 text-2xl text-slate-900" />
      <h1 className="text-2xl font-semibold">{document.info.title}</h1>
      <p className="mt-2 text-slate-700">{document.info.description}</p>
      <p className="mt-2 text-sm text-slate-700">
        Send <code>Authorization: Bearer khp_…</code> with a key from the portal&apos;s API keys page. Errors are{" "}
        <code>{"{ error: { code, message, fields? } }"}</code>. The machine-readable document:{" "}
        <a href="/api/providers/openapi.json" className="font-semibold text-brand-700 underline">
          /api/providers/openapi.json
        </a>{" "}
        (OpenAPI {document.openapi}).
      </p>
      <nav aria-label="Operations" className="mt-6">
        <ul className="ml-4 list-disc text-sm">
          {operations.map(({ operation }) => (
            <li key={operation.operationId}>
              <a href={`#${operation.operationId}`} className="text-brand-700 underline">
                {operation.summary}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="mt-8 text-xl font-semibold">Operations</h2>
      <div className="mt-4 flex flex-col gap-4">
        {operations.map(({ method, path, operation }) => (
          <OperationSection key={operation.operationId} method={method} path={path} operation={operation} />
        ))}
      </div>
      <h2 className="mt-8 text-xl font-semibold">Schemas</h2>
      <div className="mt-4 flex flex-col gap-4">
        {schemas.map(([name, schema]) => (
          <section
            key={name}
            id={`schema-${name}`}
            aria-labelledby={`schema-${name}-title`}
            className="rounded-lg border border-slate-200 bg-white p-5 text-sm shadow-sm"
          >
            <h3 id={`schema-${name}-title`} className="mb-2 font-mono text-base font-semibold">
              {name}
            </h3>
            <Fields schema={schema} />
          </section>
        ))}
      </div>
    </main>
  );
}
