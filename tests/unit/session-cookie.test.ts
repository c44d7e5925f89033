import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { sessionClaimsFromCookies } from "@/lib/auth/session-cookie";

/**
 * The session cookie as next-auth writes it at login (lib/auth/config.ts), read back by Keyhouse's own decoder
 * (lib/auth/session-cookie.ts), which the proxy and the pages use instead of next-auth's per-request wrapper.
 */
const SECRET = "unit-test-session-secret-0123456789abcdef";
const COOKIE = "authjs.session-token";

beforeAll(() => {
  process.env.AUTH_SECRET = SECRET;
});

function claims() {
  return { userId: randomUUID(), securityStamp: randomUUID(), sessionId: randomUUID() };
}

function cookieFor(
  { userId, securityStamp, sessionId }: ReturnType<typeof claims>,
  { salt = COOKIE, secret = SECRET, maxAge = 3600 } = {},
) {
  return encode({ token: { sub: userId, stamp: securityStamp, sid: sessionId }, secret, salt, maxAge });
}

function jar(cookies: Record<string, string>) {
  return (name: string) => cookies[name];
}

describe("the session cookie", () => {
  it("reads the user, stamp and session next-auth wrote, under either cookie name", async () => {
    const plain = claims();
    expect(await sessionClaimsFromCookies(jar({ [COOKIE]: await cookieFor(plain) }))).toEqual(plain);
    const secure = claims();
    const name = `__Secure-${COOKIE}`;
    expect(await sessionClaimsFromCookies(jar({ [name]: await cookieFor(secure, { salt: name }) }))).toEqual(secure);
  });

  it("joins a cookie next-auth cut into chunks", async () => {
    const expected = claims();
    const token = await cookieFor(expected);
    const middle = Math.floor(token.length / 2);
    const chunks = { [`${COOKIE}.0`]: token.slice(0, middle), [`${COOKIE}.1`]: token.slice(middle) };
    expect(await sessionClaimsFromCookies(jar(chunks))).toEqual(expected);
  });

  it("is no session when missing, tampered with, made with another secret or name, or expired", async () => {
    const token = await cookieFor(claims());
    const flipped = token.slice(0, -5) + (token.at(-5) === "A" ? "B" : "A") + token.slice(-4);
    const refused: Record<string, string>[] = [
      {},
      { [COOKIE]: "" },
      { [COOKIE]: "not-a-token" },
      { [COOKIE]: flipped },
      { [COOKIE]: await cookieFor(claims(), { secret: "another-secret-another-secret-0000" }) },
      { [COOKIE]: await cookieFor(claims(), { salt: `__Secure-${COOKIE}` }) },
      { [COOKIE]: await cookieFor(claims(), { maxAge: -60 }) },
    ];
    for (const cookies of refused) expect(await sessionClaimsFromCookies(jar(cookies))).toBeNull();
  });

  it("is no session when a claim is missing or not an id", async () => {
    const token = await encode({
      token: { sub: randomUUID(), stamp: "x", sid: randomUUID() },
      secret: SECRET,
      salt: COOKIE,
    });
    expect(await sessionClaimsFromCookies(jar({ [COOKIE]: token }))).toBeNull();
    const noSession = await encode({ token: { sub: randomUUID(), stamp: randomUUID() }, secret: SECRET, salt: COOKIE });
    expect(await sessionClaimsFromCookies(jar({ [COOKIE]: noSession }))).toBeNull();
  });
});
