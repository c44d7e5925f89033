import { z } from "zod";
import type { OrganizationItems } from "@/components/reports/organization-items";
import type { OrganizationPermission } from "@/lib/authz/permissions";
import { requireOrgScope } from "@/lib/authz/scope";
import { listOrganizationCollectionNames, listReachableOrganizationItems } from "@/lib/dal/items";

export const dynamic = "force-dynamic";

// Parsed before the lookup below: a plain object also answers "__proto__" or "constructor" (was a 500).
const purposeSchema = z.enum(["export", "reports", "view"]);

/** Each use of the organization's items and the permission it needs (the items are ciphertext either way). */
const PURPOSES: Record<z.infer<typeof purposeSchema>, OrganizationPermission> = {
  export: "org.import_export",
  reports: "org.reports.view",
  view: "org.console.access",
};

/**
 * GET /organizations/[id]/items?for=export|reports|view: the encrypted items the caller reaches in this organization,
 * and its collections, for the browser to decrypt (exports, reports). Provider members reach no items: 403.
 */
export async function GET(request: Request, { params }: { params: Promise<{ organizationId: string }> }) {
  const purpose = purposeSchema.safeParse(new URL(request.url).searchParams.get("for"));
  if (!purpose.success)
    return Response.json({ error: "Say what the items are for: ?for=export or ?for=reports." }, { status: 400 });
  const scope = await requireOrgScope((await params).organizationId, PURPOSES[purpose.data]);
  if (scope.access.via === "provider") {
    return Response.json({ error: "Provider members cannot read a client's vault items." }, { status: 403 });
  }
  const [items, collections] = await Promise.all([
    listReachableOrganizationItems(scope),
    listOrganizationCollectionNames(scope),
  ]);
  // The browser reads this body as OrganizationItems: ciphertext typed as such on both ends.
  const body: OrganizationItems = { items, collections };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}
