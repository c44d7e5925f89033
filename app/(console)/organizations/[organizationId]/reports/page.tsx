import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgScope } from "@/lib/authz/scope";
import { REPORTS } from "@/lib/reports/catalog";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const { organizationId } = await params;
  const scope = await requireOrgScope(organizationId, "org.reports.view");
  const readsItems = scope.access.via === "member";
  return (
    <>
      <PageHeader
        title="Reports"
        description="Find weak, reused and unsecured logins, and see who reaches what. Item reports are prepared in your browser: the server never sees the items."
      />
      {readsItems ? null : (
        <Alert tone="info" className="mb-6">
          As a provider member you can run the Member access report. The other reports read the organization&apos;s
          vault items, which stay private to its members.
        </Alert>
      )}
      <ul className="grid gap-4 sm:grid-cols-2">
        {REPORTS.map((report) => (
          <li key={report.path}>
            <Link
              href={`/organizations/${scope.organizationId}/reports/${report.path}`}
              className="block h-full rounded-lg border border-slate-200 bg-white p-6 shadow-sm hover:border-brand-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
            >
              <h2 className="font-semibold text-brand-700">{report.title}</h2>
              <p className="mt-1 text-sm text-slate-600">{report.description}</p>
              {report.readsItems && !readsItems ? (
                <p className="mt-2 text-sm text-slate-500">For the organization&apos;s own members.</p>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
