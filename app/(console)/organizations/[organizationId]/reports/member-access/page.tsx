import type { Metadata } from "next";
import { MemberAccessReport } from "@/components/reports/member-access-report";
import { ReportHeader } from "@/components/reports/report-header";
import { requireOrgScope } from "@/lib/authz/scope";
import { getMemberAccessReport } from "@/lib/dal/member-access";
import { reportByPath } from "@/lib/reports/catalog";

export const metadata: Metadata = { title: "Member access" };

export default async function MemberAccessPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const { organizationId } = await params;
  const scope = await requireOrgScope(organizationId, "org.reports.view");
  const report = await getMemberAccessReport(scope);
  return (
    <>
      <ReportHeader
        organizationId={scope.organizationId}
        report={reportByPath("member-access")}
        note="Invited members and those awaiting confirmation reach their collections once confirmed."
      />
      <MemberAccessReport organizationId={scope.organizationId} report={report} />
    </>
  );
}
