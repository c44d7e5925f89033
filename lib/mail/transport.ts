import "server-only";
import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { env } from "@/lib/server/env";

export type MailTransport = Transporter<SMTPTransport.SentMessageInfo>;

/**
 * nodemailer waits minutes by default; an unreachable SMTP server should fail a delivery attempt in seconds
 * (the row is retried later). Values given in SMTP_URL's query string win.
 */
const DEFAULT_TIMEOUTS_MS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

let memo: { url: string; transport: MailTransport } | undefined;

/**
 * The SMTP transport for SMTP_URL (`smtp://user:pass@host:587`, `smtps://...`; nodemailer's URL options such as
 * `?pool=true` apply), or null when SMTP_URL is unset. The transport is memoized per URL, so a changed setting
 * (tests) gets a fresh transport.
 */
export function getMailTransport(): MailTransport | null {
  const url = env().SMTP_URL;
  if (!url) {
    resetMailTransport();
    return null;
  }
  if (memo?.url !== url) {
    resetMailTransport();
    memo = { url, transport: nodemailer.createTransport(withDefaultTimeouts(url)) };
  }
  return memo.transport;
}

/** Closes the memoized transport (its pooled connections, if any); the next getMailTransport() makes a new one. */
export function resetMailTransport(): void {
  memo?.transport.close();
  memo = undefined;
}

/** `smtpUrl` passed lib/server/env.ts's check: an smtp:// or smtps:// URL. */
function withDefaultTimeouts(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  for (const [name, value] of Object.entries(DEFAULT_TIMEOUTS_MS)) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, String(value));
  }
  return url.toString();
}

const MAX_ERROR_LENGTH = 300;

/**
 * A delivery error as a short, single-line message that is safe to store and show: URLs with credentials, and the
 * configured SMTP password itself, are removed.
 */
export function deliveryErrorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  let message = raw
    // scheme://user:password@host... → scheme://[redacted]@host...
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, "$1[redacted]@")
    .replace(/\s+/g, " ")
    .trim();
  const password = smtpPassword();
  if (password) message = message.split(password).join("[redacted]");
  if (!message) message = "Unknown delivery error";
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}

function smtpPassword(): string {
  try {
    // Inside the try: this runs while reporting an error, and must not throw one of its own.
    const password = new URL(env().SMTP_URL ?? "").password;
    return password ? decodeURIComponent(password) : "";
  } catch {
    return "";
  }
}
