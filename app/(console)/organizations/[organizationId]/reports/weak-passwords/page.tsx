import type { Metadata } from "next";
import { ItemReportGate } from "@/components/reports/item-report-gate";
import { ReportHeader } from "@/components/reports/report-header";
import { WeakPasswordsReport } from "@/components/reports/weak-passwords-report";
import { requireOrgScope } from "@/lib/authz/scope";
import { reportByPath } from "@/lib/reports/catalog";

export const metadata: Metadata = { title: "Weak passwords" };

export default async function WeakPasswordsPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const { organizationId } = await params;
  const scope = await requireOrgScope(organizationId, "org.reports.view");
  return (
    <>
      <ReportHeader
        organizationId={scope.organizationId}
        report={reportByPath("weak-passwords")}
        note="Logins you may view only without their passwords are not checked."
      />
      <ItemReportGate scope={scope}>
        <WeakPasswordsReport organizationId={scope.organizationId} />
      </ItemReportGate>
    </>
  );
}
