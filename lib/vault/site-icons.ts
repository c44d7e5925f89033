import { z } from "zod";

/**
 * Which websites may have their icon fetched, decided the same way in the browser (which asks only for these) and on
 * the server (which refuses the rest): a public DNS name, never an address, a port or a name that stays on a local
 * network. The server still checks every address the name resolves to (lib/server/address-guard.ts).
 */

/** One DNS label: letters, digits and inner hyphens, 1 to 63 characters (punycode's xn-- included). */
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
/** At least two labels; the last (the top-level domain) not all digits, which leaves out IPv4 literals. */
const DNS_NAME = new RegExp(`^(?:${LABEL}\\.)+(?=[a-z0-9-]*[a-z])${LABEL}$`);

/** Special-use names (RFC 6761, 6762, 8375, 9476, ICANN's .internal) that never name a public website. */
const LOCAL_NAMES = ["localhost", "local", "internal", "home.arpa", "onion", "localdomain"];

function isLocalName(host: string): boolean {
  return LOCAL_NAMES.some((name) => host === name || host.endsWith(`.${name}`));
}

export const siteIconHostSchema = z
  .string()
  .max(253)
  .toLowerCase()
  .regex(DNS_NAME)
  .refine((host) => !isLocalName(host));

/** The first website among an item's URIs whose icon may be fetched (http or https, or written without a scheme). */
export function siteIconHostOf(uris: readonly string[]): string | null {
  for (const uri of uris) {
    const host = webHostOf(uri);
    if (host && siteIconHostSchema.safeParse(host).success) return host;
  }
  return null;
}

function webHostOf(uri: string): string | null {
  const trimmed = uri.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`);
    return url.protocol === "https:" || url.protocol === "http:" ? url.hostname : null;
  } catch {
    return null;
  }
}

/** Where this server answers with a website's icon (app/icons/[host]/icon.png). */
export function siteIconPath(host: string): string {
  return `/icons/${host}/icon.png`;
}
