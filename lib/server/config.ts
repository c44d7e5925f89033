import "server-only";
/** Runtime settings, from the checked environment (lib/server/env.ts; documented in .env.example). */
import { resolve } from "node:path";
import type { ProviderPlan } from "@/lib/enums";
import { env, parseEnv } from "@/lib/server/env";

/**
 * The data directory: the embedded database and the generated session secret live there. `source`: another
 * environment than this process's (scripts that open a second database).
 */
export function embeddedDataDir(source?: NodeJS.ProcessEnv): string {
  const settings = source ? parseEnv(source) : env();
  // Chosen at run time; keep the bundler from tracing the whole project for it.
  return resolve(/*turbopackIgnore: true*/ settings.KEYHOUSE_DATA_DIR);
}

/** The public base URL of this installation, used in links that mail carries. */
export function appUrl(path = "/"): string {
  return `${env().APP_URL}${path.startsWith("/") ? path : `/${path}`}`;
}

/** /dev/mailbox shows every mail the system sent: only outside production, or when explicitly enabled (demo, e2e). */
export function devMailboxEnabled(): boolean {
  const { KEYHOUSE_DEV_MAILBOX, NODE_ENV } = env();
  return KEYHOUSE_DEV_MAILBOX || NODE_ENV !== "production";
}

/**
 * TRUST_PROXY=true: a reverse proxy in front sets X-Real-IP / X-Forwarded-For and X-Forwarded-Proto. Without it
 * these headers come from whoever sent the request and are ignored.
 */
export function trustProxy(): boolean {
  return env().TRUST_PROXY;
}

export function mailFrom(): string {
  return env().MAIL_FROM;
}

/** Operators (the /admin pages): the emails listed in ADMIN_EMAILS, comma-separated (lowercased). */
export function operatorEmails(): readonly string[] {
  return env().ADMIN_EMAILS;
}

/** Per-seat monthly prices in cents, for billing estimates and invoices (no payment gateway). */
export function seatPriceCents(plan: ProviderPlan): number {
  const settings = env();
  return plan === "teams_monthly"
    ? settings.SEAT_PRICE_TEAMS_MONTHLY_CENTS
    : settings.SEAT_PRICE_ENTERPRISE_MONTHLY_CENTS;
}

/** The largest attachment the server takes, in bytes of the encrypted file (KEYHOUSE_MAX_ATTACHMENT_MB). */
export function maxAttachmentBytes(): number {
  return env().KEYHOUSE_MAX_ATTACHMENT_MB * 1024 * 1024;
}

/** SITE_ICONS: whether this server fetches website icons for the users who turn them on (off: the route is a 404). */
export function siteIconsEnabled(): boolean {
  return env().SITE_ICONS;
}

/** The operator's notice period for a client moving to another provider, in hours (0: none). */
export function clientMoveNoticeHours(): number {
  return env().KEYHOUSE_CLIENT_MOVE_NOTICE_HOURS;
}

/** Webhooks may go to private and loopback addresses (a PSA on the server's own network); public only otherwise. */
export function webhooksAllowPrivate(): boolean {
  return env().KEYHOUSE_WEBHOOKS_ALLOW_PRIVATE;
}
