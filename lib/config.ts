/** Runtime settings read from the environment (documented in .env.example). */

/** The public base URL of this installation, used in links that mail carries. */
export function appUrl(path = "/"): string {
  const base = (process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, "");
  return `${base}${path.startsWith("/") ? path : `/${path}`}`;
}

/** /dev/mailbox shows every mail the system sent: only outside production, or when explicitly enabled (demo, e2e). */
export function devMailboxEnabled(): boolean {
  return process.env.KEYHOUSE_DEV_MAILBOX === "true" || process.env.NODE_ENV !== "production";
}

/**
 * TRUST_PROXY=true: a reverse proxy in front sets X-Real-IP / X-Forwarded-For and X-Forwarded-Proto. Without it
 * these headers come from whoever sent the request and are ignored.
 */
export function trustProxy(): boolean {
  return process.env.TRUST_PROXY === "true";
}

export function mailFrom(): string {
  return process.env.MAIL_FROM || "Keyhouse <no-reply@keyhouse.localhost>";
}

/** Operators (the /admin pages): the emails listed in ADMIN_EMAILS, comma-separated. */
export function operatorEmails(): string[] {
  return (process.env.ADMIN_EMAILS ?? "")
    .split(",")
    .map((email) => email.trim().toLowerCase())
    .filter(Boolean);
}

export type ProviderPlanType = "teams_monthly" | "enterprise_monthly";

/** Per-seat monthly prices in cents, for billing estimates and invoices (no payment gateway). */
export function seatPriceCents(plan: ProviderPlanType): number {
  const configured = plan === "teams_monthly" ? process.env.SEAT_PRICE_TEAMS_MONTHLY_CENTS : process.env.SEAT_PRICE_ENTERPRISE_MONTHLY_CENTS;
  const fallback = plan === "teams_monthly" ? 400 : 600;
  const cents = Number(configured ?? fallback);
  return Number.isInteger(cents) && cents >= 0 ? cents : fallback;
}
