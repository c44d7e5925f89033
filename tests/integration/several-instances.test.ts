import { spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { eq, sql } from "drizzle-orm";
import { Client } from "pg";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb, selectRows } from "@/db/client";
import { ciphers } from "@/db/schema";
import { enqueueMail } from "@/lib/dal/mail-outbox";
import { type DeliveryResult, deliverPendingMail } from "@/lib/mail/outbox";
import { resetMailTransport } from "@/lib/mail/transport";
import { purgeTrashOnce } from "@/lib/server/startup";
import { createTestUser } from "../support/factories";
import { FAKE_LOGIN } from "../support/fakes";

/** Several app instances on one PostgreSQL database: the work they all start must be done once. */
const onPostgres = process.env.KEYHOUSE_TEST_DB === "postgres";

/** This file's own database on the test server. */
async function databaseUrl(): Promise<string> {
  const [row] = await selectRows<{ name: string }>(await getDb(), sql`select current_database() as name`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${row!.name}`;
  return url.toString();
}

/** A real SMTP server on loopback that records the recipient of every mail it accepts. */
async function startSmtpServer() {
  const recipients: string[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    disableReverseLookup: true,
    onData(stream, session, callback) {
      stream.resume();
      stream.on("end", () => {
        recipients.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    recipients,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Another instance, in a process (and a connection pool) of its own, ready to deliver pending mail on request. */
async function otherInstance(env: NodeJS.ProcessEnv): Promise<{ deliver: () => Promise<DeliveryResult> }> {
  const child = spawn(
    process.execPath,
    ["--import", "./scripts/register-server-hooks.mjs", "--import", "tsx", "tests/support/deliver-mail-child.ts"],
    {
      env,
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error("the other instance ended");
    return value;
  };
  expect(await next()).toBe("ready");
  return {
    deliver: async () => {
      child.stdin.write("go\n");
      return JSON.parse(await next()) as DeliveryResult;
    },
  };
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetMailTransport();
});

describe.skipIf(!onPostgres)("several instances on one database", () => {
  it("two instances delivering pending mail at the same time send each mail once", { timeout: 30_000 }, async () => {
    const smtp = await startSmtpServer();
    try {
      vi.stubEnv("SMTP_URL", smtp.url);
      const db = await getDb();
      const recipients = Array.from({ length: 30 }, (_, index) => `instance-${index}@example.com`);
      for (const to of recipients) await enqueueMail(db, { to, subject: "Hello", text: "Hello", html: "<p>Hello</p>" });
      const other = await otherInstance({
        ...process.env,
        DATABASE_URL: await databaseUrl(),
        SMTP_URL: smtp.url,
        LOG_LEVEL: "silent",
      });

      const [mine, theirs] = await Promise.all([deliverPendingMail(), other.deliver()]);

      expect(mine.sent + theirs.sent).toBe(recipients.length);
      expect(mine.failed + theirs.failed).toBe(0);
      expect([...smtp.recipients].sort()).toEqual([...recipients].sort());
    } finally {
      await smtp.close();
    }
  });

  it("the trash purge runs in one instance at a time: while another holds it, an instance skips its round", async () => {
    const user = await createTestUser();
    const db = await getDb();
    const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    const [expired] = await db
      .insert(ciphers)
      .values({ userId: user.id, type: "login", data: FAKE_LOGIN.data, deletedAt: longAgo })
      .returning({ id: ciphers.id });
    const elsewhere = new Client({ connectionString: await databaseUrl() });
    await elsewhere.connect();
    try {
      await elsewhere.query("begin");
      await elsewhere.query("select pg_advisory_xact_lock(727275)"); // another instance is purging
      expect(await purgeTrashOnce()).toBeNull();
      expect(await db.select({ id: ciphers.id }).from(ciphers).where(eq(ciphers.id, expired!.id))).toHaveLength(1);
      await elsewhere.query("commit");
      expect(await purgeTrashOnce()).toBe(1);
      expect(await db.select({ id: ciphers.id }).from(ciphers).where(eq(ciphers.id, expired!.id))).toHaveLength(0);
    } finally {
      await elsewhere.end();
    }
  });
});
