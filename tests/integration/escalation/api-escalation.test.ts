import { beforeAll, describe, expect, it } from "vitest";
import { ACCESS_LEVELS, type AccessLevel } from "@/lib/vault/access-levels";
import { callRoute, deviceToken, type RouteHandler } from "../bitwarden-api/api";
import { type HttpMethod, ROUTE_CATALOG } from "../bitwarden-api/route-catalog";
import { databaseSnapshot } from "../../support/db-scan";
import { FAKE_ENC_2 } from "../../support/fakes";
import { loadDemo } from "../../support/demo";
import { buildEscalationFixture, type EscalationFixture, type EscalationRole, ESCALATION_ROLES } from "./fixture";
import { ESCALATION_MATRIX } from "./matrix";

/**
 * The escalation matrix through the Bitwarden API (DESIGN §12): the routes that grant something run the same actions
 * as the console, so each of those actions' attempts is tried again through each such route, with the role's access
 * token, and must be refused with nothing written.
 */
type Grant = { id: string; level: AccessLevel };
type ConsoleInput = {
  organizationId: string;
  collectionId?: string;
  name: string;
  members?: Grant[];
  groups?: Grant[];
};

const selections = (grants: Grant[] | undefined) =>
  (grants ?? []).map((grant) => ({ id: grant.id, ...ACCESS_LEVELS[grant.level] }));

/** The console action's input as the apps send it: a CollectionRequest, the tenant in the path. */
function apiCall(method: HttpMethod, input: ConsoleInput) {
  const params: Record<string, string> = { organizationId: input.organizationId };
  if (input.collectionId) params.collectionId = input.collectionId;
  const path = `/api/organizations/${input.organizationId}/collections${input.collectionId ? `/${input.collectionId}` : ""}`;
  return {
    path,
    method,
    params,
    body: { name: input.name, users: selections(input.members), groups: selections(input.groups) },
  };
}

const grantingRoutes = ROUTE_CATALOG.flatMap((route) =>
  Object.entries(route.methods).flatMap(([method, spec]) =>
    spec?.grants
      ? [
          {
            label: `${method} ${route.file}`,
            method: method as HttpMethod,
            handler: route.module[method] as RouteHandler,
            action: spec.grants,
          },
        ]
      : [],
  ),
);

describe("escalation matrix through the apps' API", () => {
  let fx: EscalationFixture;
  let baseline: Record<string, string>;
  const tokens = new Map<EscalationRole, string>();

  beforeAll(async () => {
    fx = await buildEscalationFixture(await loadDemo());
    // Every role logs a device in once, before the snapshot: a login opens a session row.
    for (const role of ESCALATION_ROLES) tokens.set(role, (await deviceToken(fx.selves[role].userId)).token);
    baseline = await databaseSnapshot();
  });

  it("knows the granting action behind every granting route", () => {
    const known = new Set(ESCALATION_MATRIX.map((entry) => entry.name));
    expect(grantingRoutes.map((route) => route.action).filter((action) => !known.has(action))).toEqual([]);
    expect(grantingRoutes.length).toBeGreaterThan(0);
  });

  const cases = grantingRoutes.flatMap((route) =>
    ESCALATION_MATRIX.filter((entry) => entry.name === route.action).flatMap((entry) =>
      entry.attempts.flatMap((attempt) =>
        ESCALATION_ROLES.filter((role) => !attempt.allowed.includes(role)).map(
          (role) => [route.label, attempt.label, role, route, attempt] as const,
        ),
      ),
    ),
  );

  it.each(cases)("%s: %s, as %s, is refused and changes nothing", async (_route, _label, role, route, attempt) => {
    const call = apiCall(route.method, attempt.input(fx, fx.selves[role]) as ConsoleInput);
    const response = await callRoute(route.handler, call.path, {
      method: call.method,
      token: tokens.get(role)!,
      params: call.params,
      body: call.body,
    });
    expect(response.ok).toBe(false);
    expect(await databaseSnapshot()).toEqual(baseline);
  });

  // Last, since it writes: the refusals above are the grant rule's, not a token the routes would refuse anyway.
  it("lets an owner's grant through the same route", async () => {
    const route = grantingRoutes.find((entry) => entry.action === "organization.collections.create")!;
    const call = apiCall(route.method, {
      organizationId: fx.organizationId,
      name: FAKE_ENC_2,
      members: [{ id: fx.selves.owner.memberId, level: "view" }],
    });
    const response = await callRoute(route.handler, call.path, {
      method: call.method,
      token: tokens.get("owner")!,
      params: call.params,
      body: call.body,
    });
    expect(response.status).toBe(200);
  });
});
