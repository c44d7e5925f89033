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

export function mailFrom(): string {
  return process.env.MAIL_FROM || "Keyhouse <no-reply@keyhouse.localhost>";
}
