import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import type { Report } from "@/lib/reports/catalog";

/** The way back to the list of reports, a report's title, and what it shows. */
export function ReportHeader({
  organizationId,
  report,
  note,
}: {
  organizationId: string;
  report: Report;
  note?: ReactNode;
}) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/organizations/${organizationId}/reports`} className="font-medium text-brand-700 hover:underline">
          <span aria-hidden="true">← </span>All reports
        </Link>
      </nav>
      <PageHeader
        title={report.title}
        description={
          <>
            {report.description}
            {note ? <> {note}</> : null}
          </>
        }
      />
    </>
  );
}
