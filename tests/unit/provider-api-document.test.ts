import { describe, expect, it } from "vitest";
import { OPERATIONS } from "@/lib/provider-api/operations";
import { providerApiDocument } from "@/lib/provider-api/openapi";

/** The OpenAPI document is made from the routes' own schemas: every operation, its parameters and its answers. */
describe("the provider API's OpenAPI document", () => {
  const document = providerApiDocument();

  it("is OpenAPI 3.1 with every operation at its path and method, behind the bearer key", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.security).toEqual([{ providerKey: [] }]);
    const listed = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      ["get", "post", "patch", "delete"].flatMap((method) => {
        const operation = (item as Record<string, { operationId?: string }>)[method];
        return operation ? [`${method} ${path} ${operation.operationId}`] : [];
      }),
    );
    expect(listed.sort()).toEqual(
      Object.values(OPERATIONS)
        .map(
          (operation) => `${operation.method} /api/providers/{providerId}/v1${operation.path} ${operation.operationId}`,
        )
        .sort(),
    );
  });

  it("carries the schemas' rules: path ids are UUIDs, the seats' bounds, the month's pattern", () => {
    const update = document.paths!["/api/providers/{providerId}/v1/clients/{clientId}"]!.patch!;
    const pathParams = (update.parameters ?? []) as { name: string; in: string; required?: boolean; schema?: object }[];
    expect(pathParams.map((parameter) => [parameter.name, parameter.in, parameter.required])).toEqual([
      ["providerId", "path", true],
      ["clientId", "path", true],
    ]);
    expect(pathParams[0]!.schema).toMatchObject({ format: "uuid" });
    const body = JSON.stringify(document.components?.schemas?.ClientUpdate);
    expect(body).toContain('"minimum":1');
    const usage = document.paths!["/api/providers/{providerId}/v1/usage"]!.get!;
    expect(JSON.stringify(usage.parameters)).toContain("^\\\\d{4}-(0[1-9]|1[0-2])$");
    expect(Object.keys(update.responses ?? {}).sort()).toEqual(["200", "400", "401", "403", "404", "409", "429"]);
    expect(document.components?.schemas).toHaveProperty("Client");
  });
});
