import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { and, eq, inArray, lt } from "drizzle-orm";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { log } from "@/lib/server/log";
import { MAX_DELIVERY_ATTEMPTS, enqueueMail, getMail, listMailbox, type MailMessage } from "@/lib/dal/mail-outbox";
import { deliverPendingMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/templates";
import { deliveryErrorMessage, resetMailTransport } from "@/lib/mail/transport";

type Received = { from: string | undefined; to: string[]; raw: string };

/** A real SMTP server on loopback, collecting what it receives. */
async function startSmtpServer(options: Partial<SMTPServerOptions> = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Undoes quoted-printable soft breaks and escapes, so assertions read the body as written. */
function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

let counter = 0;
function message(overrides: Partial<MailMessage> = {}): MailMessage {
  counter += 1;
  return {
    to: `user${counter}@example.com`,
    subject: `Test mail ${counter} ${Date.now()}`,
    text: `Body ${counter}: http://localhost:3000/accept/secret-token-${counter}`,
    html: `<p>Body ${counter}</p>`,
    ...overrides,
  };
}

async function enqueue(mail: MailMessage): Promise<string> {
  return enqueueMail(await getDb(), mail);
}

async function row(id: string) {
  const db = await getDb();
  const [found] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  if (!found) throw new Error(`mail ${id} not found`);
  return found;
}

const originalSmtpUrl = process.env.SMTP_URL;
beforeEach(() => {
  delete process.env.SMTP_URL;
});
afterEach(() => {
  vi.restoreAllMocks();
  resetMailTransport();
  if (originalSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = originalSmtpUrl;
});

describe("mail delivery over SMTP", () => {
  it("sends a queued mail to a real SMTP server and marks it sent", async () => {
    const smtp = await startSmtpServer();
    try {
      process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
      const rendered = renderMail({
        subject: "You are invited to Acme",
        heading: "Join Acme",
        paragraphs: ["<script>alert(1)</script> invited you to join Acme."],
        action: { label: "Accept invitation", url: "http://localhost:3000/accept/abc123" },
      });
      const id = await enqueue({ to: "alice@example.com", ...rendered });

      const result = await deliverPendingMail([id]);

      expect(result).toEqual({ sent: 1, logged: 0, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      const [delivered] = smtp.received;
      expect(delivered?.to).toEqual(["alice@example.com"]);
      expect(delivered?.from).toBe("no-reply@keyhouse.localhost");
      const raw = decodeQuotedPrintable(delivered?.raw ?? "");
      expect(raw).toMatch(/^To: alice@example\.com$/m);
      expect(raw).toMatch(/^Subject: You are invited to Acme$/m);
      expect(raw).toContain("<script>alert(1)</script> invited you to join Acme.");
      expect(raw).toContain("Accept invitation:\r\nhttp://localhost:3000/accept/abc123");
      // The HTML part carries the same sentence, escaped.
      expect(raw).toContain("&lt;script&gt;alert(1)&lt;/script&gt; invited you");
      expect(raw).not.toMatch(/<p[^>]*><script>/);

      const stored = await row(id);
      expect(stored.status).toBe("sent");
      expect(stored.attempts).toBe(1);
      expect(stored.sentAt).toBeInstanceOf(Date);
      expect(stored.lastError).toBeNull();
    } finally {
      await smtp.close();
    }
  });

  it("records a rejected recipient as failed, without throwing or leaking the SMTP password", async () => {
    const smtp = await startSmtpServer({
      allowInsecureAuth: true,
      onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
      onRcptTo: (_address, _session, callback) => callback(new Error("No such user here")),
    });
    try {
      process.env.SMTP_URL = `smtp://keyhouse:Sup3r-secret-pw@127.0.0.1:${smtp.port}`;
      const id = await enqueue(message({ to: "nobody@example.com" }));

      const result = await deliverPendingMail([id]);

      expect(result).toEqual({ sent: 0, logged: 0, failed: 1 });
      expect(smtp.received).toHaveLength(0);
      const stored = await row(id);
      expect(stored.status).toBe("failed");
      expect(stored.attempts).toBe(1);
      expect(stored.sentAt).toBeNull();
      expect(stored.lastError).toMatch(/No such user here/);
      expect(stored.lastError).not.toContain("Sup3r-secret-pw");
    } finally {
      await smtp.close();
    }
  });

  it("records an unreachable server as failed and retries the row on the next run", async () => {
    const smtp = await startSmtpServer();
    await smtp.close(); // nothing listens on this port any more
    process.env.SMTP_URL = `smtp://keyhouse:Sup3r-secret-pw@127.0.0.1:${smtp.port}`;
    const id = await enqueue(message());

    await expect(deliverPendingMail([id])).resolves.toEqual({ sent: 0, logged: 0, failed: 1 });
    await expect(deliverPendingMail([id])).resolves.toEqual({ sent: 0, logged: 0, failed: 1 });

    const stored = await row(id);
    expect(stored.status).toBe("failed");
    expect(stored.attempts).toBe(2);
    expect(stored.lastError).toMatch(/ECONNREFUSED/);
    expect(stored.lastError).not.toContain("Sup3r-secret-pw");
  });
});

/** A mail as the app sends them: a single-use link whose token is a `token=` query parameter. */
function linkMail(to = `link${Date.now()}@example.com`) {
  const token = randomBytes(32).toString("base64url");
  const rendered = renderMail({
    subject: `Join Acme ${token.slice(0, 8)}`,
    heading: "Join Acme",
    paragraphs: ["You are invited."],
    action: { label: "Accept invitation", url: `http://localhost:3000/accept/organization?token=${token}` },
  });
  return { token, mail: { to, ...rendered } };
}

describe("single-use links do not stay in the outbox (tokens at rest)", () => {
  it("removes the link token from the stored mail once SMTP delivered it; the delivered mail carried it", async () => {
    const smtp = await startSmtpServer();
    try {
      process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
      const { token, mail } = linkMail();
      const id = await enqueue(mail);

      await expect(deliverPendingMail([id])).resolves.toEqual({ sent: 1, logged: 0, failed: 0 });

      expect(decodeQuotedPrintable(smtp.received[0]?.raw ?? "")).toContain(`/accept/organization?token=${token}`);
      const stored = await row(id);
      expect(stored.status).toBe("sent");
      expect(`${stored.text}${stored.html}`).not.toContain(token);
      expect(stored.text).toContain("/accept/organization?token=removed-after-delivery");
      expect(stored.html).toContain("/accept/organization?token=removed-after-delivery");
    } finally {
      await smtp.close();
    }
  });

  it("keeps the link while a delivery can still be retried, and removes it after the last failed attempt", async () => {
    const smtp = await startSmtpServer();
    await smtp.close();
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    const { token, mail } = linkMail();
    const id = await enqueue(mail);
    const db = await getDb();

    await deliverPendingMail([id]);
    expect((await row(id)).text).toContain(token);

    await db
      .update(mailOutbox)
      .set({ attempts: MAX_DELIVERY_ATTEMPTS - 1 })
      .where(eq(mailOutbox.id, id));
    await deliverPendingMail([id]);
    const stored = await row(id);
    expect(stored).toMatchObject({ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS });
    expect(`${stored.text}${stored.html}`).not.toContain(token);
  });

  it("keeps a logged mail's link while the development mailbox is on (its only reader)", async () => {
    const { token, mail } = linkMail();
    const id = await enqueue(mail);

    await deliverPendingMail([id]);

    expect((await getMail(id))?.text).toContain(token);
  });

  it("removes a logged mail's link when the development mailbox is off: the log carried no body", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("KEYHOUSE_DEV_MAILBOX", "");
    try {
      const { token, mail } = linkMail();
      const id = await enqueue(mail);

      await expect(deliverPendingMail([id])).resolves.toEqual({ sent: 0, logged: 1, failed: 0 });

      const stored = await row(id);
      expect(stored.status).toBe("logged");
      expect(`${stored.text}${stored.html}`).not.toContain(token);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("clears links from mail delivered before (an older outbox) on a run over every row", async () => {
    const { token, mail } = linkMail();
    const id = await enqueue(mail);
    const db = await getDb();
    await db.update(mailOutbox).set({ status: "sent", attempts: 1, sentAt: new Date() }).where(eq(mailOutbox.id, id));

    await deliverPendingMail();

    expect(`${(await row(id)).text}${(await row(id)).html}`).not.toContain(token);
  });
});

describe("mail delivery without SMTP", () => {
  it("logs recipient and subject only, marks the row logged and keeps the body readable", async () => {
    const info = vi.spyOn(log, "info");
    const mail = message();
    const id = await enqueue(mail);

    await expect(deliverPendingMail([id])).resolves.toEqual({ sent: 0, logged: 1, failed: 0 });

    const stored = await getMail(id);
    expect(stored).toMatchObject({
      id,
      status: "logged",
      attempts: 1,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
    });
    expect(stored?.sentAt).toBeInstanceOf(Date);
    const lines = info.mock.calls.map((call) => JSON.stringify(call));
    expect(lines.some((line) => line.includes(mail.to) && line.includes(mail.subject))).toBe(true);
    expect(lines.join("\n")).not.toContain("secret-token-");
  });

  it("delivers every pending row, oldest first, across batches, each once", async () => {
    const db = await getDb();
    // Earlier tests left retryable failed rows; they take part in an all-rows run too.
    const earlier = await db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(inArray(mailOutbox.status, ["pending", "failed"]), lt(mailOutbox.attempts, MAX_DELIVERY_ATTEMPTS)));
    const ids: string[] = [];
    for (let i = 0; i < 60; i += 1) ids.push(await enqueue(message()));
    const info = vi.spyOn(log, "info");

    const result = await deliverPendingMail();

    expect(result.logged).toBe(ids.length + earlier.length);
    expect(result.failed + result.sent).toBe(0);
    const loggedIds = info.mock.calls.map(([fields]) => (fields as unknown as { mailId: string }).mailId);
    // Oldest first; rows queued in the same clock tick (PGlite's clock has millisecond resolution) go by id.
    const rows = await db
      .select({ id: mailOutbox.id, status: mailOutbox.status })
      .from(mailOutbox)
      .where(inArray(mailOutbox.id, ids))
      .orderBy(mailOutbox.createdAt, mailOutbox.id);
    expect(loggedIds.filter((id) => ids.includes(id))).toEqual(rows.map((r) => r.id));
    expect(rows.every((r) => r.status === "logged")).toBe(true);
  });

  it("leaves mail that reached the attempt limit alone", async () => {
    const db = await getDb();
    const id = await enqueue(message());
    await db.update(mailOutbox).set({ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS }).where(eq(mailOutbox.id, id));

    await expect(deliverPendingMail([id])).resolves.toEqual({ sent: 0, logged: 0, failed: 0 });
    expect((await row(id)).attempts).toBe(MAX_DELIVERY_ATTEMPTS);
  });

  it("delivers a mail once when two runs race for it", async () => {
    const id = await enqueue(message());

    const results = await Promise.all([deliverPendingMail([id]), deliverPendingMail([id])]);

    expect(results.reduce((sum, result) => sum + result.logged, 0)).toBe(1);
    expect((await row(id)).attempts).toBe(1);
  });

  it("ignores malformed ids instead of failing the run", async () => {
    await expect(deliverPendingMail(["not-a-uuid"])).resolves.toEqual({ sent: 0, logged: 0, failed: 0 });
    await expect(getMail("not-a-uuid")).resolves.toBeNull();
  });
});

describe("enqueueMail", () => {
  it("writes nothing when the surrounding transaction rolls back", async () => {
    const db = await getDb();
    const mail = message();
    let queuedId: string | undefined;

    await expect(
      db.transaction(async (tx) => {
        queuedId = await enqueueMail(tx, mail);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");

    expect(queuedId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(getMail(queuedId ?? "")).resolves.toBeNull();
    const rows = await db.select().from(mailOutbox).where(eq(mailOutbox.subject, mail.subject));
    expect(rows).toHaveLength(0);
  });

  it("rejects a subject with a line break (header injection)", async () => {
    await expect(enqueue(message({ subject: "Hello\r\nBcc: victim@example.com" }))).rejects.toThrow();
  });
});

describe("listMailbox", () => {
  it("lists newest first with paging and a total", async () => {
    const db = await getDb();
    const first = await enqueue(message());
    const second = await enqueue(message());
    // Distinct times, later than every other row: PGlite's clock can give both inserts the same millisecond.
    const hour = 3_600_000;
    await db
      .update(mailOutbox)
      .set({ createdAt: new Date(Date.now() + hour) })
      .where(eq(mailOutbox.id, first));
    await db
      .update(mailOutbox)
      .set({ createdAt: new Date(Date.now() + 2 * hour) })
      .where(eq(mailOutbox.id, second));

    const { mails, total } = await listMailbox({ limit: 2, offset: 0 });
    const next = await listMailbox({ limit: 2, offset: 1 });

    expect(mails.map((mail) => mail.id)).toEqual([second, first]);
    expect(next.mails[0]?.id).toBe(first);
    expect(total).toBeGreaterThanOrEqual(2);
    expect(mails[0]).not.toHaveProperty("text");
  });
});

describe("deliveryErrorMessage", () => {
  it("strips credentials from URLs and the configured SMTP password", () => {
    process.env.SMTP_URL = "smtp://mailer:p%40ss-w0rd-42@smtp.example.com:587";
    const message = deliveryErrorMessage(
      new Error("Connection to smtps://mailer:hunter2@smtp.example.com:465 failed\n(auth p@ss-w0rd-42 rejected)"),
    );

    expect(message).toBe("Connection to smtps://[redacted]@smtp.example.com:465 failed (auth [redacted] rejected)");
  });
});
