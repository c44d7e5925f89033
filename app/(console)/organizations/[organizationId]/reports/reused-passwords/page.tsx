import type { Metadata } from "next";
import { ItemReportGate } from "@/components/reports/item-report-gate";
import { ReportHeader } from "@/components/reports/report-header";
import { ReusedPasswordsReport } from "@/components/reports/reused-passwords-report";
import { requireOrgScope } from "@/lib/authz/scope";
import { reportByPath } from "@/lib/reports/catalog";

export const metadata: Metadata = { title: "Reused passwords" };

export default async function ReusedPasswordsPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const { organizationId } = await params;
  const scope = await requireOrgScope(organizationId, "org.reports.view");
  return (
    <>
      <ReportHeader
        organizationId={scope.organizationId}
        report={reportByPath("reused-passwords")}
        note="Logins you may view only without their passwords are not checked."
      />
      <ItemReportGate scope={scope}>
        <ReusedPasswordsReport organizationId={scope.organizationId} />
      </ItemReportGate>
    </>
  );
}
