import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_ACTION_NESTING, nestingDepth } from "@/lib/server/action-requests";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/limits";
import proxy from "@/proxy";
import { createTestUser, type TestUser } from "../support/factories";
import { signInAs, signOut } from "../support/session";

type Proxy = (request: NextRequest) => Promise<Response>;

const ACTION_ID = "7f3b2a9c0d1e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b";
const TEXT = "text/plain;charset=UTF-8"; // what Next.js's client sends for a plain-data call

/** A server action call as the browser would post it, to a page of the app. */
function action(
  body: BodyInit | null,
  headers: Record<string, string> = { "content-type": TEXT },
  path = "/vault",
): Promise<Response> {
  return (proxy as unknown as Proxy)(
    new NextRequest(`http://localhost${path}`, {
      method: "POST",
      headers: { "next-action": ACTION_ID, ...headers },
      body,
    }),
  );
}

/** Passed on to Next.js unchanged (NextResponse.next()). */
function passedOn(response: Response): boolean {
  return response.status === 200 && response.headers.get("x-middleware-next") === "1";
}

async function expectRefused(response: Response, sentence: RegExp = /^[A-Z].*\.$/) {
  expect(response.status).toBe(400);
  expect(response.headers.get("content-security-policy")).toMatch(/nonce-/);
  const answer = (await response.json()) as { error: string };
  expect(answer.error).toMatch(sentence);
}

function deepArrays(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}

function multipart(parts: Record<string, string | Blob>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) form.append(name, value);
  return form;
}

/** A seeded generator: the same bodies on every run, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("proxy.ts refuses server action bodies Next.js cannot decode (400, never a 500)", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createTestUser();
  });

  it("passes on what Next.js's client really sends: a JSON array as text/plain, or multipart", async () => {
    await signInAs(user.id);
    expect(passedOn(await action(JSON.stringify([{ cipherId: "x", favorite: true, note: "[[[[ not nesting" }])))).toBe(
      true,
    );
    expect(passedOn(await action("[]", { "content-type": "application/json" }))).toBe(true);
    expect(passedOn(await action(deepArrays(MAX_ACTION_NESTING)))).toBe(true);
    // A FormData argument: the arguments in part "0", the form's own fields beside it.
    expect(
      passedOn(await action(multipart({ "0": '["$K1"]', _1_email: "[[[[[[", _1_file: new Blob(["{"]) }), {})),
    ).toBe(true);
    // Public pages (login, registration) have actions too.
    signOut();
    expect(passedOn(await action("[]", { "content-type": TEXT }, "/login"))).toBe(true);
  });

  it("an empty body", async () => {
    await signInAs(user.id);
    await expectRefused(await action(null), /empty/);
    await expectRefused(await action(""), /empty/);
    await expectRefused(await action("", { "content-type": TEXT, "content-length": "0" }), /empty/);
  });

  it.each([["not json"], ['{"an":"object"}'], ['"a string"'], ["[1, 2"], ["[1]]"], ["\u0000"]])(
    "a body that is not a JSON array: %j",
    async (body) => {
      await signInAs(user.id);
      await expectRefused(await action(body), /malformed/);
    },
  );

  it("bytes that are not UTF-8", async () => {
    await signInAs(user.id);
    await expectRefused(await action(new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]), { "content-type": TEXT }), /UTF-8/);
  });

  it("arrays nested 100,000 deep (which overflow the decoder's stack), and objects just past the limit", async () => {
    await signInAs(user.id);
    expect(nestingDepth(deepArrays(100_000))).toBe(100_000);
    await expectRefused(await action(deepArrays(100_000)), /nests deeper than 64 levels/);
    await expectRefused(
      await action(`[${'{"a":'.repeat(MAX_ACTION_NESTING)}1${"}".repeat(MAX_ACTION_NESTING)}]`),
      /nests deeper/,
    );
    await expectRefused(await action(multipart({ "0": '["$Q1"]', "1": deepArrays(100_000) }), {}), /nests deeper/);
  });

  it("a body over the limit, whether or not its Content-Length says so", async () => {
    await signInAs(user.id);
    const oversize = JSON.stringify(["x".repeat(ACTION_BODY_LIMIT_BYTES)]);
    await expectRefused(await action(oversize), /too large/);
    await expectRefused(
      await action("[]", { "content-type": TEXT, "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) }),
      /too large/,
    );
    await expectRefused(await action("[]", { "content-type": TEXT, "content-length": "not a number" }), /too large/);
    await expectRefused(
      await action(multipart({ "0": "[]", "1": `"${"x".repeat(ACTION_BODY_LIMIT_BYTES)}"` }), {}),
      /too large/,
    );
    expect(passedOn(await action(JSON.stringify(["x".repeat(ACTION_BODY_LIMIT_BYTES - 100)])))).toBe(true);
  });

  it.each([
    ["application/x-www-form-urlencoded"],
    ["text/html"],
    ["application/octet-stream"],
    ["application/jsonp"],
    [""],
  ])("the wrong content type: %j", async (type) => {
    await signInAs(user.id);
    // Bytes, so that no content type is added for the test.
    await expectRefused(
      await action(new TextEncoder().encode("[]"), type ? { "content-type": type } : {}),
      /text\/plain or multipart/,
    );
  });

  it("multipart that is broken or has no arguments part", async () => {
    await signInAs(user.id);
    await expectRefused(await action("garbage", { "content-type": "multipart/form-data; boundary=xyz" }), /malformed/);
    await expectRefused(await action(multipart({ _1_email: "a@b.example" }), {}), /malformed/);
    await expectRefused(await action(multipart({ "0": "not json" }), {}), /malformed/);
    await expectRefused(await action(multipart({ "0": '["$Q1"]', "1": "{" }), {}), /malformed/);
  });

  it("fuzzed bodies: each is refused with a sentence or is a JSON array Next.js can decode", async () => {
    await signInAs(user.id);
    const next = random(20_240_601);
    const alphabet = ["[", "]", "{", "}", '"', "\\", ",", ":", "1", "a", " ", "$", "\u202e", "\ud800"];
    for (let round = 0; round < 200; round += 1) {
      const length = Math.floor(next() * 200);
      const body = Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
      const response = await action(body);
      if (response.status === 400) continue;
      expect(passedOn(response), body).toBe(true);
      expect(Array.isArray(JSON.parse(body)), body).toBe(true);
      expect(nestingDepth(body)).toBeLessThanOrEqual(MAX_ACTION_NESTING);
    }
  });

  it("fuzzed nesting: a JSON array passes exactly when it nests at most 64 levels", async () => {
    await signInAs(user.id);
    const next = random(7);
    const nested = (depth: number): unknown =>
      depth === 0 ? "leaf" : next() < 0.5 ? [nested(depth - 1), 1] : { key: nested(depth - 1) };
    for (let round = 0; round < 60; round += 1) {
      const depth = 1 + Math.floor(next() * 2 * MAX_ACTION_NESTING);
      const body = JSON.stringify([nested(depth - 1)]);
      const response = await action(body);
      expect(response.status, `depth ${depth}`).toBe(depth <= MAX_ACTION_NESTING ? 200 : 400);
    }
  });

  it("requests that are not server actions are not read", async () => {
    await signInAs(user.id);
    const post = await (proxy as unknown as Proxy)(
      new NextRequest("http://localhost/vault", {
        method: "POST",
        headers: { "content-type": "text/html" },
        body: "not json",
      }),
    );
    expect(passedOn(post)).toBe(true);
  });
});
