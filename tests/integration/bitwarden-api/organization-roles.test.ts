import { beforeAll, describe, expect, it } from "vitest";
import type { OrganizationPermission } from "@/lib/authz/permissions";
import { databaseSnapshot } from "../../support/db-scan";
import { type DemoIds, loadDemo } from "../../support/demo";
import { FAKE_ENC_2, UNKNOWN_ID } from "../../support/fakes";
import { makeRoleUsers, type Role, ROLES, type RoleUsers } from "../isolation/roles";
import { callRoute, deviceToken } from "./api";
import {
  callCatalogRoute as call,
  catalogEntries,
  handlerOf,
  paramNames,
  pathOf,
  type PathIds,
  ROUTE_CATALOG,
} from "./route-catalog";

/** Who holds each permission the organization routes ask for in "My Client's Organization" (DESIGN §6). */
const HOLDERS: Partial<Record<OrganizationPermission, readonly Role[]>> = {
  // The Custom member holds only "access reports", which is enough to open the console.
  "org.console.access": ["client_owner", "custom_member", "service_user", "provider_admin"],
  "org.collections.create": ["client_owner", "service_user", "provider_admin"],
  "org.collections.edit_any": ["client_owner", "service_user", "provider_admin"],
  "org.collections.delete_any": ["client_owner", "service_user", "provider_admin"],
  "org.members.manage": ["client_owner", "service_user", "provider_admin"],
};

describe("organization routes for each role", () => {
  let demo: DemoIds;
  let roleUsers: RoleUsers;
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    demo = await loadDemo();
    roleUsers = await makeRoleUsers(demo);
    for (const role of ROLES) if (role !== "signed_out") tokens.set(role, (await deviceToken(roleUsers[role])).token);
  });

  const orgRoutes = catalogEntries().filter(({ spec }) => spec.permission);

  it("covers every organization route", () => {
    expect(orgRoutes.map(({ route }) => route.file)).toEqual(
      catalogEntries()
        .filter(({ route }) => paramNames(route).includes("organizationId"))
        .map(({ route }) => route.file),
    );
  });

  /** A collection of the client's own to change or delete, made by its owner through the API. */
  async function freshCollection(): Promise<string> {
    const collections = ROUTE_CATALOG.find((route) => route.file.endsWith("[organizationId]/collections/route.ts"))!;
    const created = await callRoute(handlerOf(collections, "POST"), `/api/organizations/${demo.client1}/collections`, {
      method: "POST",
      token: tokens.get("client_owner"),
      params: { organizationId: demo.client1 },
      body: { name: FAKE_ENC_2, groups: [], users: [] },
    });
    expect(created.status).toBe(200);
    return ((await created.json()) as { id: string }).id;
  }

  it.each(orgRoutes.map(({ route, method, spec }) => [`${method} ${pathOf(route)}`, route, method, spec] as const))(
    "%s",
    async (_name, route, method, spec) => {
      const holders = HOLDERS[spec.permission!];
      expect(holders, `no holders listed for ${spec.permission}`).toBeDefined();
      for (const role of ROLES) {
        // Those who may change a collection get one of their own to change; refused callers try the shared one.
        const changes = method !== "GET" && holders!.includes(role);
        const ids: PathIds = {
          cipherId: UNKNOWN_ID,
          folderId: UNKNOWN_ID,
          attachmentId: UNKNOWN_ID,
          organizationId: demo.client1,
          collectionId: changes ? await freshCollection() : demo.client1Collection,
        };
        // A snapshot of the demo is the slow part: only the writing methods take one.
        const before = method === "GET" ? null : await databaseSnapshot();
        const response = await call(route, method, spec, ids, { token: tokens.get(role) ?? null });
        if (role === "signed_out") {
          expect({ role, status: response.status }).toEqual({ role, status: 401 });
        } else if (holders!.includes(role)) {
          expect({ role, status: response.status, ok: response.ok }).toMatchObject({ role, ok: true });
          continue;
        } else {
          expect({ role, status: response.status }).toEqual({ role, status: 404 });
        }
        if (before) expect(await databaseSnapshot()).toEqual(before);
      }
    },
  );

  it("gives provider members none of a client's items, in the sync or by id", async () => {
    const clients = new Set([demo.client1, demo.client2, demo.client3]);
    const sync = ROUTE_CATALOG.find((route) => route.file === "app/api/sync/route.ts")!;
    const cipher = ROUTE_CATALOG.find((route) => route.file === "app/api/ciphers/[cipherId]/route.ts")!;
    // The control: the client's owner does get them.
    const ownerSync = (await (
      await call(sync, "GET", {}, {} as PathIds, { token: tokens.get("client_owner") })
    ).json()) as {
      ciphers: { organizationId: string | null }[];
    };
    expect(ownerSync.ciphers.filter((item) => item.organizationId === demo.client1).length).toBeGreaterThan(0);
    for (const role of ["provider_admin", "service_user"] as const) {
      const response = await call(sync, "GET", {}, {} as PathIds, { token: tokens.get(role) });
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        ciphers: { organizationId: string | null }[];
        profile: { providerOrganizations: { id: string }[] };
      };
      expect(body.profile.providerOrganizations.map((organization) => organization.id)).toContain(demo.client1);
      expect(body.ciphers.filter((item) => item.organizationId && clients.has(item.organizationId))).toEqual([]);
      for (const cipherId of demo.client1Items) {
        const ids = { cipherId } as PathIds;
        expect((await call(cipher, "GET", {}, ids, { token: tokens.get(role) })).status).toBe(404);
      }
    }
  });
});
