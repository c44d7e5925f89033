/**
 * The one check for redirect targets that come from input (callbackUrl, returnTo, next-auth's redirects): only a
 * path on this site passes. Browsers strip tabs and newlines from URLs and read a backslash as a slash, so
 * "/\t/evil.example" becomes "//evil.example", another site; such characters are refused anywhere, however often
 * encoded, and so is whitespace (a newline in a Location header is also a server error).
 */

// A placeholder origin: a target is safe when, resolved against it, it stays on it.
const DUMMY_ORIGIN = "http://keyhouse.invalid";
// Control characters (C0, DEL, C1), every kind of whitespace and the backslash.
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\\]|\s/u;
// Percent-encoding nested deeper than this is refused rather than unwrapped further.
const MAX_DECODE_ROUNDS = 3;

/** The value with percent-encoding undone until nothing changes; null if malformed or nested too deep. */
function fullyDecoded(value: string): string | null {
  let current = value;
  for (let round = 0; round <= MAX_DECODE_ROUNDS; round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

function isSingleSlashPath(value: string): boolean {
  return value.startsWith("/") && !value.startsWith("//") && !UNSAFE_CHARACTER.test(value);
}

/** `value` as a path on this site (starting with one "/", query and fragment kept), or `fallback`. */
export function safeReturnPath(value: string | null | undefined, fallback = "/vault"): string {
  if (!value) return fallback;
  const decoded = fullyDecoded(value);
  if (decoded === null || !isSingleSlashPath(value) || !isSingleSlashPath(decoded)) return fallback;
  const url = new URL(value, DUMMY_ORIGIN);
  if (url.origin !== DUMMY_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return isSingleSlashPath(path) ? path : fallback;
}

/**
 * For next-auth's redirect callback, which deals in absolute URLs: a URL of this origin (or a path) stays, as an
 * absolute URL; anything else becomes the fallback path on this origin.
 */
export function safeRedirectUrl(url: string, origin: string, fallback = "/vault"): string {
  let candidate = url;
  if (!url.startsWith("/") && URL.canParse(url)) {
    const parsed = new URL(url);
    candidate = parsed.origin === origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : "";
    // An absolute URL whose raw text hides unsafe characters is refused like a path that does.
    if (UNSAFE_CHARACTER.test(url)) candidate = "";
  }
  return new URL(safeReturnPath(candidate, fallback), origin).href;
}
