import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { beginTwoFactorAction } from "@/app/(vault)/settings/security/two-factor-actions";
import { POST as token } from "@/app/identity/connect/token/route";
import { getDb } from "@/db/client";
import { events, loginThrottles } from "@/db/schema";
import { logIn } from "@/lib/dal/login";
import { openBrowserSession } from "@/lib/dal/sessions";
import { passwordHashing } from "@/lib/server/password-hashing";
import { SERVER_BUSY } from "@/lib/unavailable";
import { createTestUser } from "../support/factories";
import { signInAs } from "../support/session";
import { callRoute, passwordForm } from "./bitwarden-api/api";

// This file's pool (made on first use): one worker and no queue, so one long hash takes every place there is.
process.env.KEYHOUSE_HASH_WORKERS = "1";
process.env.KEYHOUSE_HASH_QUEUE = "0";

const ORIGIN = { ip: "198.51.100.7", device: "test" };

/** A hash at cost 15 (seconds, on a busy machine more): while it runs, every other password check is refused. */
let blocker: Promise<string> | undefined;
function takeEveryWorker(): void {
  blocker = passwordHashing().hash("a long hash", 15);
  expect(passwordHashing().stats()).toMatchObject({ workers: 1, running: 1 });
}

afterEach(async () => {
  await blocker;
  blocker = undefined;
  expect(passwordHashing().stats()).toMatchObject({ running: 0, queued: 0 });
});

async function eventTypes(userId: string): Promise<string[]> {
  const db = await getDb();
  return (await db.select({ type: events.type }).from(events).where(eq(events.userId, userId))).map((row) => row.type);
}

async function throttleRows(email: string) {
  const db = await getDb();
  return db
    .select()
    .from(loginThrottles)
    .where(eq(loginThrottles.key, `account:${email}`));
}

describe("while every bcrypt worker is taken", () => {
  it("a login is answered server_busy at once: nothing checked, counted or recorded, and it passes once free", async () => {
    const user = await createTestUser();
    takeEveryWorker();
    const started = passwordHashing().stats().started;
    const refusedAt = performance.now();
    expect(
      await logIn({ email: user.email, masterPasswordHash: user.keys.masterPasswordHash }, ORIGIN, openBrowserSession),
    ).toEqual({
      ok: false,
      reason: "server_busy",
    });
    expect(performance.now() - refusedAt).toBeLessThan(500);
    expect(passwordHashing().stats().started).toBe(started);
    // An unknown email (the decoy's compare) is refused the same way.
    expect(
      await logIn(
        { email: "nobody@test.example", masterPasswordHash: user.keys.masterPasswordHash },
        ORIGIN,
        openBrowserSession,
      ),
    ).toEqual({ ok: false, reason: "server_busy" });
    expect(await throttleRows(user.email)).toEqual([]);
    expect(await eventTypes(user.id)).toEqual([]);

    await blocker;
    expect(
      await logIn({ email: user.email, masterPasswordHash: user.keys.masterPasswordHash }, ORIGIN, openBrowserSession),
    ).toMatchObject({ ok: true });
  });

  it("the apps' token endpoint answers 503 in Bitwarden's shape, with Retry-After", async () => {
    const user = await createTestUser();
    takeEveryWorker();
    const response = await callRoute(token, "/identity/connect/token", {
      method: "POST",
      body: passwordForm({ email: user.email, masterPasswordHash: user.keys.masterPasswordHash }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("1");
    expect(await response.json()).toEqual({
      error: "temporarily_unavailable",
      error_description: SERVER_BUSY,
      ErrorModel: { Message: SERVER_BUSY, Object: "error" },
    });
    expect(await eventTypes(user.id)).toEqual([]);
  });

  it("an action that checks the master password answers the busy sentence and changes nothing", async () => {
    const user = await createTestUser();
    await signInAs(user.id);
    takeEveryWorker();
    expect(await beginTwoFactorAction({ masterPasswordHash: user.keys.masterPasswordHash })).toEqual({
      ok: false,
      code: "rejected",
      error: SERVER_BUSY,
    });
    expect(await eventTypes(user.id)).toEqual([]);
  });
});
