"use client";

import { EmptyState } from "@/components/ui/empty-state";
import { unsecuredWebsites } from "@/lib/reports/unsecured-websites";
import { ItemFindingsTable } from "./item-findings-table";
import { ItemReport } from "./item-report";

export function UnsecuredWebsitesReport({ organizationId }: { organizationId: string }) {
  return (
    <ItemReport organizationId={organizationId} checksPasswords={false}>
      {(report) => {
        const found = unsecuredWebsites(report.items);
        if (found.length === 0)
          return (
            <EmptyState title="No unsecured websites found">
              Every website address in your logins uses https://.
            </EmptyState>
          );
        return (
          <ItemFindingsTable
            caption={`Unsecured websites: ${found.length} ${found.length === 1 ? "login" : "logins"}`}
            findingLabel="Unsecured addresses"
            rows={found.map(({ item, uris }) => ({
              key: item.id,
              item,
              finding: (
                <ul className="flex flex-col gap-1">
                  {uris.map((uri, index) => (
                    <li key={`${index}-${uri}`} className="font-mono text-xs break-all">
                      {uri}
                    </li>
                  ))}
                </ul>
              ),
            }))}
          />
        );
      }}
    </ItemReport>
  );
}
