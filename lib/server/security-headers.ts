/**
 * Response headers that harden every page. The browser holds the unwrapped user key (sessionStorage), so no script
 * may run unless the server named it: the Content-Security-Policy allows only scripts carrying this response's
 * nonce and what they load ('strict-dynamic'). proxy.ts sets the per-request headers (CSP, HSTS);
 * next.config.ts sets the fixed ones on everything, static files included.
 */
// Relative: next.config.ts loads this file, outside the bundler that knows "@/".
import { env } from "./env";

/** A fresh nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function contentSecurityPolicy(nonce: string, development = env().NODE_ENV === "development"): string {
  const directives = [
    "default-src 'self'",
    // React's development build rebuilds server error stacks with eval; production needs none. 'wasm-unsafe-eval'
    // lets WebAssembly compile (Argon2id master keys, lib/crypto), and allows no JavaScript eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${development ? " 'unsafe-eval'" : ""}`,
    // Style attributes (React's style prop, Next's own) carry no nonce; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // The authenticator QR code is a data: image; exports are blob: downloads.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The password strength pool (lib/strength) runs module workers from this site.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** Two years, subdomains included: sent only on responses that reached the browser over HTTPS. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/**
 * Whether the browser reached us over HTTPS. Next.js derives the request's protocol from X-Forwarded-Proto, which
 * any client can send; so that header counts only with TRUST_PROXY=true (its last entry, set by the nearest proxy),
 * and otherwise an https URL counts only when no such header came along (TLS ended in this process).
 */
export function servedOverHttps(url: URL, headers: Headers, trustProxy: boolean): boolean {
  const forwarded = headers.get("x-forwarded-proto");
  if (forwarded !== null) return trustProxy && forwarded.split(",").at(-1)?.trim().toLowerCase() === "https";
  return url.protocol === "https:";
}

/** Headers that are the same on every response, static files included (next.config.ts). */
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    // Copy buttons write to the clipboard, and read it back to clear only what they copied (lib/browser/clipboard.ts).
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=(), midi=(), display-capture=(), " +
      "accelerometer=(), gyroscope=(), magnetometer=(), clipboard-read=(self), clipboard-write=(self)",
  },
];
