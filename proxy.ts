import { type NextRequest, NextResponse } from "next/server";
import { actionRequestProblem, isActionRequest } from "@/lib/server/action-requests";
import { isOperator, organizationAccessFor, providerAccessAllows } from "@/lib/authz/access-rules";
import { providerPermissionForPath } from "@/lib/authz/provider-sections";
import { permissionForConsolePath } from "@/lib/authz/console-sections";
import { hasBearerToken, type SessionUser, sessionUserOf } from "@/lib/auth/session";
import { sessionClaimsOfRequest } from "@/lib/auth/session-cookie";
import type { SessionClaims } from "@/lib/dal/accounts";
import { findOrganizationAccess, findProviderAccess } from "@/lib/dal/access";
import { badRequest } from "@/lib/server/http";
import { isDatabaseError, log, summarizeError } from "@/lib/server/log";
import { safeReturnPath } from "@/lib/safe-redirect";
import { secureResponses } from "@/lib/server/secure-response";
import { unavailableJson, unavailablePage } from "@/lib/unavailable";
import { uuidSchema } from "@/lib/validation/common";

/**
 * The first gate (DESIGN §6): signed-out visitors go to /login; the Provider Portal and Admin Consoles need a
 * confirmed membership with the right role, and everyone else gets a 404. The data access layer checks again
 * on every page and action: this gate only keeps people out early.
 */

const PUBLIC_PATHS = [
  /^\/login\/?$/,
  /^\/register(\/finish)?\/?$/,
  /^\/verify-email\/?$/,
  /^\/accept(\/.*)?$/,
  /^\/dev\/mailbox(\/.*)?$/,
  /^\/api\/auth(\/.*)?$/,
  /^\/api\/accounts\/prelogin\/?$/,
  /^\/api\/health(\/live)?\/?$/,
  // The benchmark's floor (lib/dal/bench-floor.ts): a 404 unless the benchmark started this server.
  /^\/api\/bench\/floor\/?$/,
  // Its own bearer token guards it (METRICS_TOKEN).
  /^\/api\/metrics\/?$/,
  // The official apps' login, and what they ask before it (DESIGN §12).
  /^\/identity(\/.*)?$/,
  /^\/api\/config\/?$/,
  // The provider API's OpenAPI document and reference page: public, as any API reference (the routes take keys).
  /^\/api\/providers\/openapi\.json$/,
  // The provider API checks its own keys (lib/provider-api/route.ts) and answers a missing one in its own shape.
  /^\/api\/providers\/[^/]+\/v1(\/.*)?$/,
  /^\/docs\/provider-api\/?$/,
  // Attachment download links carry their own signature (lib/auth/attachment-link.ts): the apps send no token.
  /^\/api\/attachments\/[^/]+\/[^/]+\/?$/,
];

/** The apps' API (DESIGN §12) names its caller with an access token, which the route checks like a cookie. */
function isAppRequest(request: NextRequest, pathname: string): boolean {
  return /^\/(api|events)\//.test(pathname) && hasBearerToken(request.headers);
}

type Verdict = "allow" | "not_found" | "signed_out";

/** Each verdict is one statement: the session check and, for a tenant's pages, the membership with it. */
async function providerVerdict(claims: SessionClaims, segments: string[]): Promise<Verdict> {
  const [providerId, section] = segments;
  const id = uuidSchema.safeParse(providerId);
  if (!providerId || providerId === "setup" || !id.success)
    return sessionVerdict(claims, () => !providerId || providerId === "setup");
  const access = await findProviderAccess(claims, id.data);
  if (!access) return "signed_out";
  return access.membership && providerAccessAllows(access.membership.role, providerPermissionForPath(section))
    ? "allow"
    : "not_found";
}

async function organizationVerdict(claims: SessionClaims, segments: string[]): Promise<Verdict> {
  const [organizationId] = segments;
  const id = uuidSchema.safeParse(organizationId);
  if (!organizationId || !id.success) return sessionVerdict(claims, () => !organizationId);
  const access = await findOrganizationAccess(claims, id.data);
  if (!access) return "signed_out";
  return access.organization && organizationAccessFor(access.organization, permissionForConsolePath(segments.slice(1)))
    ? "allow"
    : "not_found";
}

/** For pages that need only a signed-in user: `allows` says whether this user may see the path. */
async function sessionVerdict(claims: SessionClaims, allows: (user: SessionUser) => boolean): Promise<Verdict> {
  const user = await sessionUserOf(claims);
  if (!user) return "signed_out";
  return allows(user) ? "allow" : "not_found";
}

function verdictFor(claims: SessionClaims, pathname: string): Promise<Verdict> {
  const [area, ...rest] = pathname.split("/").filter(Boolean);
  if (area === "providers") return providerVerdict(claims, rest);
  if (area === "organizations") return organizationVerdict(claims, rest);
  if (area === "admin") return sessionVerdict(claims, isOperator);
  return sessionVerdict(claims, () => true);
}

export default async function proxy(request: NextRequest) {
  // Every way out carries the security headers (CSP with this request's nonce, HSTS over HTTPS).
  const responses = secureResponses(request);
  const { pathname, search } = request.nextUrl;
  // Before Next.js decodes a server action's body, which it answers with a 500 when it cannot (lib/server/action-requests.ts).
  if (isActionRequest(request)) {
    const problem = await actionRequestProblem(request);
    if (problem) return responses.secure(badRequest(problem));
  }
  if (PUBLIC_PATHS.some((pattern) => pattern.test(pathname))) return responses.next();
  if (isAppRequest(request, pathname)) return responses.next();

  try {
    const claims = await sessionClaimsOfRequest(request);
    const verdict = claims ? await verdictFor(claims, pathname) : "signed_out";
    if (verdict === "signed_out") return responses.secure(signedOut(request, pathname + search));
    if (verdict === "not_found") return responses.rewrite(new URL("/404", request.url), 404);
  } catch (error) {
    // Without its database the gate cannot tell who is asking: say so (503) rather than fail (500).
    if (!isDatabaseError(error)) throw error;
    log.error({ err: summarizeError(error) }, "database unavailable: answered 503");
    return responses.secure(unavailable(request, pathname + search));
  }
  return responses.next();
}

function unavailable(request: NextRequest, path: string) {
  if (path.startsWith("/api/") || isActionRequest(request)) return unavailableJson();
  return unavailablePage(safeReturnPath(path, "/"));
}

function signedOut(request: NextRequest, path: string) {
  if (/^\/(api|events)\//.test(path)) return NextResponse.json({ error: "Not signed in." }, { status: 401 });
  const login = new URL("/login", request.url);
  if (path !== "/" && path !== "/vault") login.searchParams.set("callbackUrl", path);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but static assets and the two attachment uploads: Next.js buffers in memory every body that passes
  // through the proxy (up to 10 MB, and cuts it there), and those routes check their caller themselves.
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|api/ciphers/[^/]+/attachment/[^/]+$|vault/attachments/|.*\\.(?:png|svg|ico|jpg|jpeg|webp|txt)$).*)",
  ],
};
