import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users, userSessions } from "@/db/schema";
import { signAccessToken } from "@/lib/auth/access-token";
import { databaseSnapshot } from "../../support/db-scan";
import { type DemoIds, loadDemo } from "../../support/demo";
import { createTestUser } from "../../support/factories";
import { FAKE_ENC_2, UNKNOWN_ID } from "../../support/fakes";
import { makeRoleUsers, type Role, ROLES, type RoleUsers } from "../isolation/roles";
import { callRoute, deviceToken, uploadAttachment } from "./api";
import {
  API_ROOTS,
  catalogEntries,
  callCatalogRoute as call,
  handlerOf,
  HTTP_METHODS,
  NOT_BITWARDEN_API,
  paramNames,
  pathOf,
  type PathIds,
  ROUTE_CATALOG,
} from "./route-catalog";

function routeFilesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === "route.ts")
    .map((entry) => relative(process.cwd(), join(entry.parentPath, entry.name)));
}

const authenticated = catalogEntries().filter(({ route }) => !route.public);

describe("the Bitwarden API's route catalog", () => {
  it("lists every route file and every method it exports", () => {
    const onDisk = API_ROOTS.flatMap(routeFilesUnder)
      .filter((file) => !NOT_BITWARDEN_API.some((excluded) => file.startsWith(`${excluded}/`)))
      .sort();
    expect(onDisk.length).toBeGreaterThan(20);
    expect(ROUTE_CATALOG.map((route) => route.file).sort()).toEqual(onDisk);
    for (const route of ROUTE_CATALOG) {
      const exported = HTTP_METHODS.filter((method) => typeof route.module[method] === "function");
      expect({ file: route.file, methods: exported }).toEqual({
        file: route.file,
        methods: HTTP_METHODS.filter((method) => method in route.methods),
      });
    }
  });
});

describe("Bitwarden API routes refuse callers without a valid token", () => {
  let userId: string;
  let live: string;
  let expired: string;
  let revoked: string;
  let staleStamp: string;
  const ids: PathIds = {
    cipherId: UNKNOWN_ID,
    folderId: UNKNOWN_ID,
    organizationId: UNKNOWN_ID,
    collectionId: UNKNOWN_ID,
    attachmentId: UNKNOWN_ID,
  };

  beforeAll(async () => {
    const user = await createTestUser();
    userId = user.id;
    live = (await deviceToken(userId)).token;
    // Issued two hours ago: its hour of life is over, though its session is live.
    expired = (await deviceToken(userId, { issuedAt: new Date(Date.now() - 2 * 3600_000) })).token;
    const loggedOut = await deviceToken(userId);
    const db = await getDb();
    await db.update(userSessions).set({ revokedAt: new Date() }).where(eq(userSessions.id, loggedOut.sessionId));
    revoked = loggedOut.token;
    // A live session, but the token carries a stamp the account no longer has.
    const session = await deviceToken(userId);
    const [row] = await db.select().from(users).where(eq(users.id, userId));
    staleStamp = await signAccessToken({
      user: { ...row!, securityStamp: randomUUID() },
      sessionId: session.sessionId,
      deviceIdentifier: session.deviceIdentifier,
      clientId: "web",
    });
  });

  it.each(authenticated.map(({ route, method, spec }) => [`${method} ${pathOf(route)}`, route, method, spec] as const))(
    "%s",
    async (_name, route, method, spec) => {
      const refused = [
        { what: "no token", auth: {} },
        { what: "not a JWT", auth: { authorization: "Bearer not-a-token" } },
        { what: "another scheme", auth: { authorization: `Basic ${live}` } },
        { what: "tampered", auth: { token: `${live.slice(0, -4)}AAAA` } },
        { what: "expired", auth: { token: expired } },
        { what: "session revoked", auth: { token: revoked } },
        { what: "stale stamp", auth: { token: staleStamp } },
      ];
      for (const { what, auth } of refused) {
        const response = await call(route, method, spec, ids, auth);
        expect({ what, status: response.status }).toEqual({ what, status: 401 });
      }
      // The same request with the valid token gets past the gate (so the refusals above were about the token).
      expect((await call(route, method, spec, ids, { token: live })).status).not.toBe(401);
    },
  );

  it("ends a token once its user's security stamp rotates", async () => {
    const user = await createTestUser();
    const { token } = await deviceToken(user.id);
    const sync = ROUTE_CATALOG.find((route) => route.file === "app/api/sync/route.ts")!;
    expect((await call(sync, "GET", {}, ids, { token })).status).toBe(200);
    const db = await getDb();
    await db.update(users).set({ securityStamp: randomUUID() }).where(eq(users.id, user.id));
    expect((await call(sync, "GET", {}, ids, { token })).status).toBe(401);
  });
});

describe("Bitwarden API routes keep tenants apart", () => {
  let demo: DemoIds;
  let roleUsers: RoleUsers;
  const tokens = new Map<Role, string>();
  let foreign: PathIds;

  beforeAll(async () => {
    demo = await loadDemo();
    roleUsers = await makeRoleUsers(demo);
    for (const role of ROLES) if (role !== "signed_out") tokens.set(role, (await deviceToken(roleUsers[role])).token);
    // A folder of the client member's own, made through the API.
    const folders = ROUTE_CATALOG.find((route) => route.file === "app/api/folders/route.ts")!;
    const created = await callRoute(handlerOf(folders, "POST"), "/api/folders", {
      method: "POST",
      token: tokens.get("client_member"),
      body: { name: FAKE_ENC_2 },
    });
    expect(created.status).toBe(200);
    foreign = {
      cipherId: demo.client1Items[0]!,
      folderId: ((await created.json()) as { id: string }).id,
      organizationId: demo.client1,
      collectionId: demo.client1Collection,
      attachmentId: await uploadAttachment(tokens.get("client_member")!, demo.client1Items[0]!),
    };
  });

  const withIds = catalogEntries().filter(
    ({ route }) => !route.public && (paramNames(route).length > 0 || route.file.includes("events/collect")),
  );

  it.each(withIds.map(({ route, method, spec }) => [`${method} ${pathOf(route)}`, route, method, spec] as const))(
    "%s answers 404 for another tenant's ids and changes nothing",
    async (_name, route, method, spec) => {
      // The owner of the second client, and a user in no organization at all.
      for (const role of ["other_client_owner", "unrelated_user", "other_provider_admin"] as const) {
        const before = await databaseSnapshot();
        const response = await call(route, method, spec, foreign, { token: tokens.get(role) });
        if (route.file.includes("events/collect")) expect(response.status).toBe(200);
        else expect({ role, status: response.status }).toEqual({ role, status: 404 });
        expect(await databaseSnapshot()).toEqual(before);
      }
    },
  );

  it("answers 404 for another organization's collection named under the caller's own organization", async () => {
    const own = { ...foreign, organizationId: demo.client2 };
    for (const { route, method, spec } of catalogEntries().filter(({ route }) =>
      paramNames(route).includes("collectionId"),
    )) {
      const before = await databaseSnapshot();
      const response = await call(route, method, spec, own, { token: tokens.get("other_client_owner") });
      expect({ at: `${method} ${pathOf(route)}`, status: response.status }).toEqual({
        at: `${method} ${pathOf(route)}`,
        status: 404,
      });
      expect(await databaseSnapshot()).toEqual(before);
    }
  });
});
