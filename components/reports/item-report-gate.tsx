import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import type { OrganizationScope } from "@/lib/authz/scope-brand";

/**
 * Item reports decrypt the organization's items, which provider members never read (DESIGN §6; the items route
 * answers them 403): they get this explanation instead, and a way to the report they can run.
 */
export function ItemReportGate({ scope, children }: { scope: OrganizationScope; children: ReactNode }) {
  if (scope.access.via === "member") return children;
  return (
    <Alert tone="info" title="This report is for the organization's own members">
      <p>
        It is built from the organization&apos;s vault items, decrypted in the browser, and provider members do not read
        a client&apos;s vault items. An owner or admin of the organization can run it.
      </p>
      <p className="mt-2">
        You can see who reaches which collection in the{" "}
        <Link href={`/organizations/${scope.organizationId}/reports/member-access`} className="font-medium underline">
          Member access report
        </Link>
        .
      </p>
    </Alert>
  );
}
