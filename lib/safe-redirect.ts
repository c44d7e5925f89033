/** Only same-site paths may be redirect targets after login or unlock (no open redirects). */
export function safeReturnPath(value: string | null | undefined, fallback = "/vault"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
