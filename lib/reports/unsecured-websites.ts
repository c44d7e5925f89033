import { byName, type ReportItem } from "./report-item";

export type UnsecuredWebsite<T extends ReportItem> = { item: T; uris: string[] };

/**
 * Whether a URI sends its page unencrypted. Schemes are case-insensitive (RFC 3986 §3.1), so "HTTP://" counts
 * too, where Bitwarden's report only matches the lower-case form.
 */
function isUnsecured(uri: string): boolean {
  return /^http:\/\//i.test(uri.trim());
}

/** Logins with at least one website address starting with http://, and those addresses. */
export function unsecuredWebsites<T extends ReportItem>(items: readonly T[]): UnsecuredWebsite<T>[] {
  return items
    .filter((item) => item.type === "login")
    .map((item) => ({ item, uris: (item.login?.uris ?? []).map((entry) => entry.uri).filter(isUnsecured) }))
    .filter((finding) => finding.uris.length > 0)
    .sort((a, b) => byName(a.item, b.item));
}
