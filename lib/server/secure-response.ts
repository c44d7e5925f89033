import "server-only";
import { type NextRequest, NextResponse } from "next/server";
import { trustProxy } from "@/lib/server/config";
import {
  contentSecurityPolicy,
  newNonce,
  servedOverHttps,
  STRICT_TRANSPORT_SECURITY,
} from "@/lib/server/security-headers";

/**
 * proxy.ts's answers to one request, each carrying that request's Content-Security-Policy (a fresh nonce) and, over
 * HTTPS, Strict-Transport-Security. Pages render with the nonce: Next.js reads it from the request's CSP header
 * and puts it on its own scripts, so the policy also travels on the request that continues to the page.
 */
export function secureResponses(request: NextRequest) {
  const policy = contentSecurityPolicy(newNonce());
  const hsts = servedOverHttps(request.nextUrl, request.headers, trustProxy());
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);

  function secure<R extends Response>(response: R): R {
    response.headers.set("Content-Security-Policy", policy);
    if (hsts) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    return response;
  }

  return {
    /** Any answer the proxy made itself (a redirect, a 401). */
    secure,
    /** Lets the request through to its page or route. */
    next: () => secure(NextResponse.next({ request: { headers: requestHeaders } })),
    /** Serves another page at this URL (the 404 for those without access). */
    rewrite: (url: URL, status: number) =>
      secure(NextResponse.rewrite(url, { status, request: { headers: requestHeaders } })),
  };
}
