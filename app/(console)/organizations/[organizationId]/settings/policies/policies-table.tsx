"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { POLICY_INFO } from "@/lib/policies/catalog";
import type { PolicyType } from "@/lib/enums";
import type { PolicyState } from "@/lib/policies/types";
import { PolicyDialog } from "./policy-dialog";

type Props = { organizationId: string; organizationName: string; policies: PolicyState[] };

/** The six policies, whether each is on, and an Edit button opening its dialog. */
export function PoliciesTable({ organizationId, organizationName, policies }: Props) {
  const [editing, setEditing] = useState<PolicyType | null>(null);
  const policy = policies.find((candidate) => candidate.type === editing);
  return (
    <>
      <Table caption={`Policies of ${organizationName}`}>
        <THead>
          <TH>Policy</TH>
          <TH>Status</TH>
          <TH align="right">
            <span className="sr-only">Actions</span>
          </TH>
        </THead>
        <TBody>
          {policies.map((row) => (
            <TR key={row.type}>
              <RowHeader>
                <span className="block">{POLICY_INFO[row.type].name}</span>
                <span className="block text-xs font-normal text-slate-600">{POLICY_INFO[row.type].description}</span>
              </RowHeader>
              <TD>
                <PolicyStatus enabled={row.enabled} />
              </TD>
              <TD align="right">
                <Button variant="secondary" onClick={() => setEditing(row.type)}>
                  Edit<span className="sr-only"> {POLICY_INFO[row.type].name}</span>
                </Button>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {policy ? (
        <PolicyDialog organizationId={organizationId} policy={policy} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

function PolicyStatus({ enabled }: { enabled: boolean }) {
  return (
    <span
      className={cn(
        "rounded px-2 py-0.5 text-xs font-medium",
        enabled ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-700",
      )}
    >
      {enabled ? "On" : "Off"}
    </span>
  );
}
