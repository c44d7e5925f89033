import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * DAL functions take scopes (DESIGN: app → lib/authz → lib/dal): an exported function of lib/dal that takes a tenant
 * id (a parameter, destructured field or object field named like one below) must also take a scope, which the id
 * is then checked against, or be listed here with the reason it runs without one. A new raw-id function fails this
 * test; so does a listed one that no longer needs its entry. It only parses the sources (no type checking).
 */
// A session's claims name a user too.
const TENANT_ID = /^(userId|organizationId|providerId|forProviderId|tenant|claims)$/;

const SCOPE_LESS: Record<string, string> = {
  "access.ts:findProviderAccess": "the gate lookup that builds a provider scope",
  "access.ts:findOrganizationAccess": "the gate lookup that builds an organization scope",
  "accounts.ts:findSessionUser": "reads the session every scope is built from",
  "accounts.ts:callerVoucher": "the SQL condition of that read (a session, or an API key), shared by the gate lookups",
  "sessions.ts:openSession": "login, before there is a session",
  "sessions.ts:dropEndedSessions": "login's housekeeping, before there is a session",
  "devices.ts:openDeviceSession": "an app's login, before there is a session",
  "two-factor.ts:redeemSecondFactor": "login's second step, before there is a session",
  "two-step-login-policy.ts:reportTwoStepLoginTurnedOff": "also run by a login with the recovery code",
  "internal-organizations.ts:lockRequestedInternalOrganization": "an operator's approval, for the requester",
  "clients.ts:confirmedOwnerRow": "a SQL condition; callers take the user from a scope or a locked request",
  "clients.ts:refreshPlanAllocation": "a recount for the scope's provider or a deleted client's provider",
  "clients.ts:lockPlan": "locks the scope's provider's plan, and a moving client's old provider's, before a recount",
  "client-moves.ts:providerAdminEmails":
    "whom a move's mail goes to: the providers named by the move the scope reached",
  "client-moves.ts:organizationOwnerEmails": "whom a completed move's mail goes to: the moved client's owners",
  "provider-webhooks.ts:queueWebhooksFor": "an operator's closing of invoices: the provider each invoice is for",
  "client-reach.ts:clientReachedBy": "a SQL condition; callers take the user from their scope",
  // Not converted yet: member and seat functions with their own rework under way.
  "provider-members.ts:pendingProviderName": "not converted yet",
  "provider-members.ts:includesProviderMembers": "not converted yet",
};

const DAL = join(process.cwd(), "lib/dal");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

type ExportedFunction = { key: string; parameters: readonly ts.ParameterDeclaration[] };

function exportedFunctions(path: string): ExportedFunction[] {
  const file = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
  const key = (name: string) => `${relative(DAL, path)}:${name}`;
  return file.statements.flatMap((statement): ExportedFunction[] => {
    if (!ts.canHaveModifiers(statement)) return [];
    if (!ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return [];
    if (ts.isFunctionDeclaration(statement) && statement.name)
      return [{ key: key(statement.name.text), parameters: statement.parameters }];
    if (!ts.isVariableStatement(statement)) return [];
    return statement.declarationList.declarations.flatMap((declaration) => {
      const value = declaration.initializer;
      if (!value || !(ts.isArrowFunction(value) || ts.isFunctionExpression(value))) return [];
      return [{ key: key(declaration.name.getText(file)), parameters: value.parameters }];
    });
  });
}

/** An array's element type (`T[]`, `readonly T[]`), or the type itself. */
function elementType(type: ts.TypeNode | undefined): ts.TypeNode | undefined {
  if (type && ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.ReadonlyKeyword)
    return elementType(type.type);
  return type && ts.isArrayTypeNode(type) ? type.elementType : type;
}

/**
 * The tenant-id names a parameter carries: its own name, destructured fields, or fields of its object type (or of
 * its array's objects).
 */
function tenantIds(parameter: ts.ParameterDeclaration): string[] {
  const names = ts.isIdentifier(parameter.name)
    ? [parameter.name.text]
    : ts.isObjectBindingPattern(parameter.name)
      ? parameter.name.elements.map((element) => (element.propertyName ?? element.name).getText())
      : [];
  const type = elementType(parameter.type);
  if (type && ts.isTypeLiteralNode(type))
    names.push(...type.members.flatMap((member) => (member.name ? [member.name.getText()] : [])));
  return names.filter((name) => TENANT_ID.test(name));
}

const takesScope = (parameters: readonly ts.ParameterDeclaration[]) =>
  parameters.some((parameter) => parameter.type && /Scope\b/.test(parameter.type.getText()));

const functions = sourceFiles(DAL).flatMap(exportedFunctions);
const rawIdFunctions = functions
  .filter((fn) => !takesScope(fn.parameters) && fn.parameters.some((parameter) => tenantIds(parameter).length > 0))
  .map((fn) => fn.key);

describe("lib/dal's exported functions take scopes", () => {
  it("finds the DAL's exported functions", () => {
    expect(functions.length).toBeGreaterThan(100);
  });

  it("takes no tenant id without a scope, except the listed scope-less functions", () => {
    expect(rawIdFunctions.filter((key) => !(key in SCOPE_LESS))).toEqual([]);
  });

  it("lists only functions that still take a tenant id without a scope", () => {
    expect(Object.keys(SCOPE_LESS).filter((key) => !rawIdFunctions.includes(key))).toEqual([]);
  });
});
