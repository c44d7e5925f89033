import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { organizations, organizationUsers } from "@/db/schema";
import { asEncString, generateRsaKeyPair, toBase64 } from "@/lib/crypto";

/**
 * The database's last guard on seats (migration 0001): whatever the application does, Used never exceeds the
 * organization's seats, even under concurrent requests, and seats cannot drop below Used.
 */
describe("seat guard in the database", () => {
  let organizationId: string;

  beforeAll(async () => {
    const db = await getDb();
    const { publicKey } = await generateRsaKeyPair();
    const [organization] = await db
      .insert(organizations)
      .values({
        name: "Seat Guard Org",
        billingEmail: "billing@test.example",
        planType: "enterprise_monthly",
        seats: 3,
        publicKey,
        privateKey: asEncString(
          `2.${toBase64(new Uint8Array(16))}|${toBase64(new Uint8Array(32))}|${toBase64(new Uint8Array(32))}`,
        ),
      })
      .returning({ id: organizations.id });
    organizationId = organization!.id;
  });

  it("lets 20 simultaneous invitations fill exactly the free seats", async () => {
    const db = await getDb();
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) =>
        db.transaction((tx) =>
          tx
            .insert(organizationUsers)
            .values({ organizationId, email: `seat${index}@test.example`, type: "user", status: "invited" }),
        ),
      ),
    );
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(3);
    const [used] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(organizationUsers)
      .where(eq(organizationUsers.organizationId, organizationId));
    expect(used?.n).toBe(3);
  });

  it("refuses to lower seats below Used, and frees a seat on revoke", async () => {
    const db = await getDb();
    await expect(
      db.update(organizations).set({ seats: 2 }).where(eq(organizations.id, organizationId)),
    ).rejects.toThrow();
    await db
      .update(organizationUsers)
      .set({ status: "revoked" })
      .where(eq(organizationUsers.email, "seat0@test.example"));
    await db.update(organizations).set({ seats: 2 }).where(eq(organizations.id, organizationId));
    // Restoring the revoked member would need a third seat again.
    await expect(
      db.update(organizationUsers).set({ status: "invited" }).where(eq(organizationUsers.email, "seat0@test.example")),
    ).rejects.toThrow();
  });
});
