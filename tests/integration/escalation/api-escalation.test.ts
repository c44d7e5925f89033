import { beforeAll, describe, expect, it } from "vitest";
import { ACCESS_LEVELS, type AccessLevel } from "@/lib/vault/access-levels";
import { callRoute, deviceToken, type RouteHandler } from "../bitwarden-api/api";
import {
  type CatalogRoute,
  type HttpMethod,
  type PathIds,
  pathOf,
  ROUTE_CATALOG,
} from "../bitwarden-api/route-catalog";
import { databaseSnapshot } from "../../support/db-scan";
import { FAKE_ENC_2 } from "../../support/fakes";
import { loadDemo } from "../../support/demo";
import { buildEscalationFixture, type EscalationFixture, type EscalationRole, ESCALATION_ROLES } from "./fixture";
import { ESCALATION_MATRIX } from "./matrix";

/**
 * The escalation matrix through the Bitwarden API (DESIGN §12): the routes that grant something run the same actions
 * as the web pages, so each of those actions' attempts is tried again through each such route, with the role's access
 * token, and must be refused with nothing written.
 */
type Grant = { id: string; level: AccessLevel };
type CollectionInput = {
  organizationId: string;
  collectionId?: string;
  name: string;
  members?: Grant[];
  groups?: Grant[];
};
type ItemCollectionsInput = { cipherId: string; collectionIds: string[] };
type ApiRequest = { ids: Partial<PathIds>; body: unknown };

const selections = (grants: Grant[] | undefined) =>
  (grants ?? []).map((grant) => ({ id: grant.id, ...ACCESS_LEVELS[grant.level] }));

/** A console action's input as the apps send it: a CollectionRequest, the tenant in the path. */
const collectionRequest = (input: CollectionInput): ApiRequest => ({
  ids: { organizationId: input.organizationId, collectionId: input.collectionId },
  body: { name: input.name, users: selections(input.members), groups: selections(input.groups) },
});

/** Each granting action's input as the apps send it to the routes that run it: the ids in the path, and the body. */
const REQUESTS: Record<string, (input: never) => ApiRequest> = {
  "organization.collections.create": collectionRequest,
  "organization.collections.update": collectionRequest,
  // A CipherCollectionsRequest.
  "items.assignCollections": (input: ItemCollectionsInput) => ({
    ids: { cipherId: input.cipherId },
    body: { collectionIds: input.collectionIds },
  }),
};

function apiCall(route: CatalogRoute, method: HttpMethod, action: string, input: unknown) {
  const { ids, body } = REQUESTS[action]!(input as never);
  const params = Object.fromEntries(Object.entries(ids).filter((entry): entry is [string, string] => !!entry[1]));
  return { path: pathOf(route, params), method, params, body };
}

const grantingRoutes = ROUTE_CATALOG.flatMap((route) =>
  Object.entries(route.methods).flatMap(([method, spec]) =>
    spec?.grants
      ? [
          {
            label: `${method} ${route.file}`,
            route,
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

  it("knows the granting action behind every granting route, and how the apps send its input", () => {
    const known = new Set(ESCALATION_MATRIX.map((entry) => entry.name));
    expect(grantingRoutes.map((route) => route.action).filter((action) => !known.has(action))).toEqual([]);
    expect(grantingRoutes.map((route) => route.action).filter((action) => !REQUESTS[action])).toEqual([]);
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
    const call = apiCall(route.route, route.method, route.action, attempt.input(fx, fx.selves[role]));
    const response = await callRoute(route.handler, call.path, {
      method: call.method,
      token: tokens.get(role)!,
      params: call.params,
      body: call.body,
    });
    expect(response.ok).toBe(false);
    expect(await databaseSnapshot()).toEqual(baseline);
  });

  // Last, since they write: the refusals above are the grant rule's, not a token the routes would refuse anyway.
  const ownersGrants: [string, (fx: EscalationFixture) => unknown][] = [
    [
      "organization.collections.create",
      (fx) => ({
        organizationId: fx.organizationId,
        name: FAKE_ENC_2,
        members: [{ id: fx.selves.owner.memberId, level: "view" }],
      }),
    ],
    [
      "items.assignCollections",
      (fx) => ({ cipherId: fx.defaultItem, collectionIds: [fx.defaultCollection, fx.secretCollection] }),
    ],
  ];
  it.each(ownersGrants)("lets an owner's %s through the same route", async (action, input) => {
    const route = grantingRoutes.find((entry) => entry.action === action)!;
    const call = apiCall(route.route, route.method, route.action, input(fx));
    const response = await callRoute(route.handler, call.path, {
      method: call.method,
      token: tokens.get("owner")!,
      params: call.params,
      body: call.body,
    });
    expect(response.status).toBe(200);
  });
});
