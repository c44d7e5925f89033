import { beforeAll, describe, expect, it } from "vitest";
import { GET as keys } from "@/app/api/accounts/keys/route";
import { POST as prelogin } from "@/app/api/accounts/prelogin/route";
import { GET as health } from "@/app/api/health/route";
import { MIN_KDF_ITERATIONS } from "@/lib/crypto";
import { createTestUser, type TestUser } from "../support/factories";
import { signInAs, signOut } from "../support/session";

function json(body: unknown): Request {
  return new Request("http://localhost/api/accounts/prelogin", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("HTTP interfaces others rely on (DESIGN §10)", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createTestUser();
  });

  it("pre-login answers Bitwarden's shape for a known email", async () => {
    const response = await prelogin(json({ email: user.email.toUpperCase() }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      kdf: 0,
      kdfIterations: MIN_KDF_ITERATIONS,
      kdfMemory: null,
      kdfParallelism: null,
    });
  });

  it("pre-login answers plausible defaults for an unknown email", async () => {
    const response = await prelogin(json({ email: "nobody-here@test.example" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ kdf: 0, kdfIterations: 600_000, kdfMemory: null, kdfParallelism: null });
  });

  it.each([["not json"], [{}], [{ email: "bad" }], [[1, 2]]])(
    "pre-login refuses %j with a 400 and a sentence",
    async (body) => {
      const response = await prelogin(json(body));
      expect(response.status).toBe(400);
      const answer = (await response.json()) as { error: string };
      expect(answer.error).toMatch(/^[A-Z].*\.$/);
    },
  );

  it("health answers 200 with JSON while the database is reachable", async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: expect.stringMatching(/^(pglite|postgres)$/) });
  });

  it("key material is only for the signed-in user, and is ciphertext", async () => {
    signOut();
    expect((await keys()).status).toBe(401);
    await signInAs(user.id);
    const response = await keys();
    expect(response.status).toBe(200);
    const material = (await response.json()) as Record<string, unknown>;
    expect(material).toMatchObject({
      userId: user.id,
      email: user.email,
      key: user.keys.key,
      publicKey: user.keys.publicKey,
      privateKey: user.keys.privateKey,
      organizations: [],
      providers: [],
      providerOrganizations: [],
    });
  });
});
