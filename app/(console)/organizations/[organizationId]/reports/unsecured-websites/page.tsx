import type { Metadata } from "next";
import { ItemReportGate } from "@/components/reports/item-report-gate";
import { ReportHeader } from "@/components/reports/report-header";
import { UnsecuredWebsitesReport } from "@/components/reports/unsecured-websites-report";
import { requireOrgScope } from "@/lib/authz/scope";
import { reportByPath } from "@/lib/reports/catalog";

export const metadata: Metadata = { title: "Unsecured websites" };

export default async function UnsecuredWebsitesPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const { organizationId } = await params;
  const scope = await requireOrgScope(organizationId, "org.reports.view");
  return (
    <>
      <ReportHeader organizationId={scope.organizationId} report={reportByPath("unsecured-websites")} />
      <ItemReportGate scope={scope}>
        <UnsecuredWebsitesReport organizationId={scope.organizationId} />
      </ItemReportGate>
    </>
  );
}
