import { eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/db/client";
import { events, mailOutbox, users } from "@/db/schema";
import { defineAction } from "@/lib/authz/action";
import { ActionError } from "@/lib/authz/action-error";
import { anyone, org, user } from "@/lib/authz/scope-rules";
import { databaseSnapshot } from "../support/db-scan";
import { createTestUser, type TestUser } from "../support/factories";
import { signInAs, signOut, setDecodedSession } from "../support/session";

/** Test-only actions built with the real wrapper, to pin down its contract. */
const renameSelf = defineAction({
  name: "test.renameSelf",
  input: z.object({ name: z.string().min(1, "Enter a name."), failAfterWrite: z.coerce.boolean().default(false) }),
  scope: user(),
  async run({ input, scope, tx, record, mail }) {
    await tx.update(users).set({ name: input.name }).where(eq(users.id, scope.userId));
    await record({ type: "user_registered", userId: scope.userId });
    await mail({
      to: scope.email,
      subject: "Name changed",
      text: "Your name changed.",
      html: "<p>Your name changed.</p>",
    });
    if (input.failAfterWrite) throw new Error("boom: internal detail that must not reach the caller");
    return { name: input.name };
  },
});

const refuseAfterWrite = defineAction({
  name: "test.refuseAfterWrite",
  input: z.object({}),
  scope: user(),
  async run({ scope, tx, record }) {
    await tx.update(users).set({ name: "Changed" }).where(eq(users.id, scope.userId));
    await record({ type: "user_registered", userId: scope.userId });
    throw new ActionError("That is not allowed.", { form: "That is not allowed." });
  },
});

const forgetsEvent = defineAction({
  name: "test.forgetsEvent",
  input: z.object({}),
  scope: user(),
  async run({ scope, tx }) {
    await tx.update(users).set({ name: "No event" }).where(eq(users.id, scope.userId));
    return {};
  },
});

const readsName = defineAction({
  name: "test.readsName",
  input: z.object({ write: z.boolean() }),
  scope: user(),
  reads: true,
  async run({ input, scope, tx }) {
    if (input.write) await tx.update(users).set({ name: "Written by a read" }).where(eq(users.id, scope.userId));
    const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, scope.userId));
    return { name: row!.name };
  },
});

const hidden = defineAction({
  name: "test.hidden",
  input: z.object({}),
  authorize: async () => notFound(),
  async run() {
    throw new Error("unreachable");
  },
});

const duplicateEmail = defineAction({
  name: "test.duplicateEmail",
  input: z.object({ email: z.string() }),
  scope: anyone(),
  async run({ input, tx, record }) {
    await record({ type: "user_registered" });
    await tx.update(users).set({ email: input.email }).where(eq(users.email, "nobody@nowhere.example"));
    const [first] = await tx.select({ id: users.id }).from(users).limit(2);
    await tx.update(users).set({ email: input.email }).where(eq(users.id, first!.id));
    return {};
  },
  constraints: { users_email_unique: { field: "email", message: "That email is taken." } },
});

// A declared gate reads its tenant from the input, so an input without that field does not type-check.
defineAction({
  name: "test.withoutTenant",
  input: z.object({ name: z.string() }),
  // @ts-expect-error the input has no organizationId for org() to read
  scope: org("org.members.manage"),
  async run() {
    return {};
  },
});

describe("the server-action wrapper", () => {
  let user: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    user = await createTestUser({ name: "Original" });
    other = await createTestUser();
  });

  it("commits the change, its event and its mail, and returns a typed result", async () => {
    await signInAs(user.id);
    const result = await renameSelf({ name: "Renamed" });
    expect(result).toEqual({ ok: true, name: "Renamed" });
    const db = await getDb();
    const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, user.id));
    expect(row?.name).toBe("Renamed");
    const logged = await db.select().from(events).where(eq(events.actingUserId, user.id));
    expect(logged).toHaveLength(1);
    const [sent] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, user.email));
    // Delivered after commit: with no SMTP_URL the mail is logged, not left pending.
    expect(sent?.status).toBe("logged");
  });

  it("leaves nothing written when the action throws inside its transaction", async () => {
    await signInAs(user.id);
    const before = await databaseSnapshot();
    const result = await renameSelf({ name: "Half written", failAfterWrite: true });
    expect(result).toEqual({
      ok: false,
      code: "internal",
      error: "Something went wrong and nothing was saved. Please try again.",
    });
    expect(JSON.stringify(result)).not.toContain("boom");
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("rolls back and passes on the message of an expected refusal", async () => {
    await signInAs(user.id);
    const before = await databaseSnapshot();
    const result = await refuseAfterWrite({});
    expect(result).toEqual({
      ok: false,
      code: "rejected",
      error: "That is not allowed.",
      fieldErrors: { form: "That is not allowed." },
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("refuses a change that records no event", async () => {
    await signInAs(user.id);
    const before = await databaseSnapshot();
    const result = await forgetsEvent({});
    expect(result.ok).toBe(false);
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("runs a read without an event, and the database refuses a read's write", async () => {
    await signInAs(user.id);
    const before = await databaseSnapshot();
    expect(await readsName({ write: false })).toMatchObject({ ok: true, name: expect.any(String) });
    expect(await readsName({ write: true })).toMatchObject({ ok: false, code: "internal" });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("refuses signed-out callers before parsing anything", async () => {
    signOut();
    const before = await databaseSnapshot();
    expect(await renameSelf({ name: "Anonymous" })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("treats a session whose security stamp was rotated as signed out", async () => {
    await setDecodedSession(user.id, "00000000-0000-4000-8000-000000000000");
    expect(await renameSelf({ name: "Stale" })).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("answers field errors for invalid input", async () => {
    await signInAs(user.id);
    expect(await renameSelf({ name: "" })).toEqual({
      ok: false,
      code: "invalid_input",
      error: "Enter a name.",
      fieldErrors: { name: "Enter a name." },
    });
  });

  it("accepts FormData as well as objects", async () => {
    await signInAs(other.id);
    const form = new FormData();
    form.set("name", "From a form");
    expect(await renameSelf(form)).toEqual({ ok: true, name: "From a form" });
  });

  it("turns notFound() from authorization into a not-found result", async () => {
    await signInAs(user.id);
    expect(await hidden({})).toEqual({ ok: false, code: "not_found", error: "Not found." });
  });

  it("maps an expected constraint violation to its message and writes nothing", async () => {
    const before = await databaseSnapshot();
    const result = await duplicateEmail({ email: other.email });
    expect(result).toEqual({
      ok: false,
      code: "rejected",
      error: "That email is taken.",
      fieldErrors: { email: "That email is taken." },
    });
    expect(await databaseSnapshot()).toEqual(before);
  });
});
