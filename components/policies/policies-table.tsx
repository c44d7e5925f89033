"use client";

import { useState } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ActionResult } from "@/lib/authz/action";
import { POLICY_INFO } from "@/lib/policies/catalog";
import type { PolicyType } from "@/lib/enums";
import type { PolicyState } from "@/lib/policies/types";
import { PolicyDialog } from "./policy-dialog";

type Props = {
  caption: string;
  policies: PolicyState[];
  /** The status column's heading and its two values: "Status", "On", "Off" in a console. */
  status: { heading: string; on: string; off: string };
  tenant: { organizationId: string } | { providerId: string };
  action: (input: never) => Promise<ActionResult<{ enabled: boolean }>>;
  schema: z.ZodType;
};

/** The six policies, whether each is on (or in a baseline), and an Edit button opening its dialog. */
export function PoliciesTable({ caption, policies, status, tenant, action, schema }: Props) {
  const [editing, setEditing] = useState<PolicyType | null>(null);
  const policy = policies.find((candidate) => candidate.type === editing);
  return (
    <>
      <Table caption={caption}>
        <THead>
          <TH>Policy</TH>
          <TH>{status.heading}</TH>
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
                <span
                  className={cn(
                    "rounded px-2 py-0.5 text-xs font-medium",
                    row.enabled ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-700",
                  )}
                >
                  {row.enabled ? status.on : status.off}
                </span>
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
        <PolicyDialog
          policy={policy}
          tenant={tenant}
          action={action}
          schema={schema}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
