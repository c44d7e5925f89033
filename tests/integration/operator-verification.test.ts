import { desc, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyEmailAction } from "@/app/(auth)/verify-email/actions";
import { sendVerificationEmailAction } from "@/app/(vault)/settings/actions";
import { createProvider } from "@/app/admin/actions";
import { getDb } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { requireOperatorScope, requireUser } from "@/lib/authz/scope";
import { listProducts } from "@/lib/dal/products";
import proxy from "@/proxy";
import { databaseSnapshot } from "../support/db-scan";
import { createTestUser, type TestUser } from "../support/factories";
import { signInAs } from "../support/session";
import { OPERATOR_EMAIL } from "./isolation/roles";

type Gate = (request: NextRequest) => Promise<Response>;

/** What the first gate answers for a path: 404 when it refuses, 200 when it lets the request through. */
async function proxyStatus(path: string): Promise<number> {
  const response = await (proxy as unknown as Gate)(new NextRequest(`http://localhost${path}`));
  return response.status;
}

/** Thrown notFound() carries Next's 404 digest. */
async function operatorScopeRefused(): Promise<boolean> {
  try {
    await requireOperatorScope();
    return false;
  } catch (error) {
    return String((error as { digest?: unknown }).digest).startsWith("NEXT_HTTP_ERROR_FALLBACK;404");
  }
}

const NEW_PROVIDER = {
  name: "Claimed MSP",
  ownerEmail: "owner@claimed.example",
  teamsMinimum: 0,
  enterpriseMinimum: 0,
};

describe("operator rights need a verified email (finding 1)", () => {
  let claimant: TestUser;

  beforeAll(async () => {
    // An account that holds the ADMIN_EMAILS address without ever proving it: made before verification existed.
    claimant = await createTestUser({ email: OPERATOR_EMAIL, name: "Claimant", emailVerified: false });
  });

  it("an unverified account with the listed email gets no operator scope, no operator action and no product link", async () => {
    await signInAs(claimant.id);
    expect(await operatorScopeRefused()).toBe(true);
    const before = await databaseSnapshot();
    expect(await createProvider(NEW_PROVIDER)).toMatchObject({ ok: false, code: "not_found" });
    expect(await databaseSnapshot()).toEqual(before);
    expect(await listProducts(await requireUser())).toMatchObject({ operator: false });
  });

  it("the proxy answers 404 at /admin to the unverified account, and lets it reach its vault", async () => {
    await signInAs(claimant.id);
    expect(await proxyStatus("/admin")).toBe(404);
    expect(await proxyStatus("/vault")).toBe(200);
  });

  it("once the address is verified through the mailed link, both gates let the operator in", async () => {
    await signInAs(claimant.id);
    expect(await sendVerificationEmailAction({})).toMatchObject({ ok: true });
    const db = await getDb();
    const [mail] = await db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, OPERATOR_EMAIL))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1);
    const token = /\/verify-email\?token=([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
    expect(await verifyEmailAction({ token })).toMatchObject({ ok: true });
    // The same session: the gates read the flag from the database on every request.
    expect(await operatorScopeRefused()).toBe(false);
    expect(await proxyStatus("/admin")).toBe(200);
    expect(await listProducts(await requireUser())).toMatchObject({ operator: true });
    expect(await createProvider(NEW_PROVIDER)).toMatchObject({ ok: true });
  });
});
