import { beforeAll, describe, expect, it } from "vitest";
import {
  ORGANIZATION_PERMISSIONS,
  PROVIDER_PERMISSIONS,
  type OrganizationPermission,
  type ProviderPermission,
} from "@/lib/authz/permissions";
import { requireOrgScope, requireProviderScope, requireUser } from "@/lib/authz/scope";
import { assertScope, type UserScope } from "@/lib/authz/scope-brand";
import { type DemoIds, loadDemo } from "../support/demo";
import { createTestUser } from "../support/factories";
import { signInAs, signOut } from "../support/session";

const notFound = { digest: expect.stringContaining("404") };
const providerPermissions = Object.keys(PROVIDER_PERMISSIONS) as ProviderPermission[];
const organizationPermissions = Object.keys(ORGANIZATION_PERMISSIONS) as OrganizationPermission[];

describe("scopes: the second gate", () => {
  let demo: DemoIds;
  let outsiderId: string;

  beforeAll(async () => {
    demo = await loadDemo();
    outsiderId = (await createTestUser()).id;
  });

  it("gives a provider admin every provider permission", async () => {
    await signInAs(demo.users.admin);
    for (const permission of providerPermissions) {
      const scope = await requireProviderScope(demo.providerId, permission);
      expect(scope).toMatchObject({ kind: "provider", providerId: demo.providerId, role: "provider_admin" });
    }
  });

  it("gives a service user only client work", async () => {
    await signInAs(demo.users.tech);
    for (const permission of providerPermissions) {
      const allowed = permission === "provider.clients.view" || permission === "provider.clients.update";
      const attempt = requireProviderScope(demo.providerId, permission);
      if (allowed) await expect(attempt).resolves.toMatchObject({ role: "service_user" });
      else await expect(attempt, permission).rejects.toMatchObject(notFound);
    }
  });

  it("refuses the provider to everyone else with a 404", async () => {
    for (const id of [demo.users.owner1, demo.users.user1, outsiderId]) {
      await signInAs(id);
      await expect(requireProviderScope(demo.providerId, "provider.clients.view")).rejects.toMatchObject(notFound);
    }
  });

  /** What provider members never hold in a client: its items, its deletion, and answering for it about its items. */
  const PROVIDER_MEMBERS_LACK: string[] = [
    "org.items.manage_all",
    "org.delete",
    "org.provider_access.decide",
    "org.provider_access.rule",
    "org.provider.move",
  ];

  it("lets provider members into client consoles as owners, without item access, and names the provider", async () => {
    for (const id of [demo.users.admin, demo.users.tech]) {
      await signInAs(id);
      for (const client of [demo.client1, demo.client2, demo.client3]) {
        for (const permission of organizationPermissions) {
          const attempt = requireOrgScope(client, permission);
          if (PROVIDER_MEMBERS_LACK.includes(permission)) {
            await expect(attempt, permission).rejects.toMatchObject(notFound);
          } else {
            await expect(attempt, permission).resolves.toMatchObject({
              access: { via: "provider", providerId: demo.providerId },
            });
          }
        }
      }
    }
  });

  it("keeps provider members out of organizations the provider does not manage, unless they are members", async () => {
    await signInAs(demo.users.tech);
    await expect(requireOrgScope(demo.internal, "org.console.access")).rejects.toMatchObject(notFound);
    await signInAs(demo.users.admin);
    await expect(requireOrgScope(demo.internal, "org.console.access")).resolves.toMatchObject({
      access: { via: "member", role: "owner" },
    });
  });

  it("gives a client owner their own console and nobody else's", async () => {
    await signInAs(demo.users.owner1);
    for (const permission of organizationPermissions) {
      const attempt = requireOrgScope(demo.client1, permission);
      // Asking the client for its items is its provider's members' part, never its own members'.
      if (permission === "org.provider_access.request") await expect(attempt).rejects.toMatchObject(notFound);
      else await expect(attempt, permission).resolves.toMatchObject({ access: { via: "member", role: "owner" } });
    }
    for (const other of [demo.client2, demo.client3, demo.internal]) {
      await expect(requireOrgScope(other, "org.console.access")).rejects.toMatchObject(notFound);
    }
  });

  it("keeps a plain member out of the console", async () => {
    await signInAs(demo.users.user1);
    for (const permission of organizationPermissions) {
      await expect(requireOrgScope(demo.client1, permission), permission).rejects.toMatchObject(notFound);
    }
  });

  it("answers malformed and unknown ids with a 404, not an error", async () => {
    await signInAs(demo.users.admin);
    await expect(requireOrgScope("not-a-uuid", "org.console.access")).rejects.toMatchObject(notFound);
    await expect(requireProviderScope("'; drop table users; --", "provider.clients.view")).rejects.toMatchObject(
      notFound,
    );
    await expect(requireOrgScope("00000000-0000-4000-8000-000000000000", "org.console.access")).rejects.toMatchObject(
      notFound,
    );
  });

  it("sends signed-out callers to the login page", async () => {
    signOut();
    await expect(requireUser()).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });

  it("refuses scopes that it did not issue", async () => {
    await signInAs(demo.users.admin);
    const real = await requireUser();
    const forged = { ...real } as UserScope;
    expect(assertScope(real)).toBe(real);
    expect(() => assertScope(forged)).toThrow("forged scope");
    expect(Object.isFrozen(real)).toBe(true);
  });
});
