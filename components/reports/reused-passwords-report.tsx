"use client";

import { EmptyState } from "@/components/ui/empty-state";
import { reusedPasswords } from "@/lib/reports/reused-passwords";
import { type ItemFinding, ItemFindingsTable } from "./item-findings-table";
import { ItemReport } from "./item-report";
import type { DecryptedItem } from "./use-report-items";

/** One row per login, next to the others sharing its password, each naming where else the password is saved. */
function reuseRows(items: DecryptedItem[]): ItemFinding[] {
  return reusedPasswords(items).flatMap((group) =>
    group.items.map((item) => ({
      key: item.id,
      item,
      finding: (
        <>
          <p className="font-medium">Used {group.count} times</p>
          <p className="text-slate-600">
            Also in{" "}
            {group.items
              .filter((other) => other !== item)
              .map((other) => other.name)
              .join(", ")}
          </p>
        </>
      ),
    })),
  );
}

export function ReusedPasswordsReport({ organizationId }: { organizationId: string }) {
  return (
    <ItemReport organizationId={organizationId} checksPasswords>
      {(report) => {
        const rows = reuseRows(report.items);
        if (rows.length === 0)
          return (
            <EmptyState title="No reused passwords found">
              Every login you can see has a password of its own.
            </EmptyState>
          );
        return (
          <ItemFindingsTable caption={`Reused passwords: ${rows.length} logins`} findingLabel="Reuse" rows={rows} />
        );
      }}
    </ItemReport>
  );
}
