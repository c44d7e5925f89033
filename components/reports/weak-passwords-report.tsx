"use client";

import { useEffect, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { IndeterminateProgress, ProgressBar } from "@/components/ui/progress";
import { cn } from "@/components/ui/cn";
import { type WeakPassword, weakPasswords } from "@/lib/reports/weak-passwords";
import type { PasswordStrength } from "@/lib/strength/password-strength";
import { createStrengthPool } from "@/lib/strength/strength-pool";
import { ItemFindingsTable } from "./item-findings-table";
import { ItemReport } from "./item-report";
import type { DecryptedItem } from "./use-report-items";

function StrengthBadge({ strength }: { strength: PasswordStrength }) {
  return (
    <span
      className={cn(
        "inline-block rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap",
        strength.score < 2 ? "bg-red-100 text-red-800" : "bg-amber-100 text-amber-900",
      )}
    >
      {strength.label}
    </span>
  );
}

/** Rates every password (zxcvbn runs here, in the browser), then lists the weak ones. */
function WeakPasswordsFindings({ items }: { items: DecryptedItem[] }) {
  const [found, setFound] = useState<WeakPassword<DecryptedItem>[] | null>(null);
  const [checked, setChecked] = useState(0);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    const pool = createStrengthPool();
    weakPasswords(
      items,
      (done) => {
        if (current) setChecked(done);
        return current;
      },
      pool.rate,
    )
      .then((result) => current && setFound(result))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
      pool.dispose();
    };
  }, [items]);
  if (failed)
    return (
      <EmptyState title="Password strength could not be checked">
        The strength checker did not load. Reload the page to try again.
      </EmptyState>
    );
  if (!found) {
    return checked === 0 ? (
      <IndeterminateProgress label="Checking password strength…" />
    ) : (
      <ProgressBar
        label={`Checking password strength: ${checked} of ${items.length}`}
        value={checked}
        max={items.length}
      />
    );
  }
  if (found.length === 0)
    return (
      <EmptyState title="No weak passwords found">Every login password you can see rates Good or Strong.</EmptyState>
    );
  return (
    <ItemFindingsTable
      caption={`Weak passwords: ${found.length} ${found.length === 1 ? "login" : "logins"}`}
      findingLabel="Strength"
      rows={found.map(({ item, strength }) => ({ key: item.id, item, finding: <StrengthBadge strength={strength} /> }))}
    />
  );
}

export function WeakPasswordsReport({ organizationId }: { organizationId: string }) {
  return (
    <ItemReport organizationId={organizationId} checksPasswords>
      {(report) => <WeakPasswordsFindings items={report.items} />}
    </ItemReport>
  );
}
