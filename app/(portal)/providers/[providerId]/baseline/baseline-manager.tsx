"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { PoliciesTable } from "@/components/policies/policies-table";
import type { Choice } from "@/components/provider/choice-list";
import { ReachFields } from "@/components/provider/reach-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog, Dialog, DialogFormActions } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { reachSummary } from "@/components/provider/reach-summary";
import { counted } from "@/lib/counted";
import type { Baseline, BaselineClient } from "@/lib/dal/provider-baselines";
import type { PolicyType } from "@/lib/enums";
import { DRIFT_LABELS, type Drift, needsBaseline } from "@/lib/policies/baseline";
import { POLICY_INFO, TWO_STEP_LOGIN_NOTE } from "@/lib/policies/catalog";
import { updateBaselinePolicySchema } from "@/lib/validation/baselines";
import { applyBaselineAction, updateBaselinePolicyAction, updateBaselineTargetAction } from "./actions";

/** At most this many clients in the drift table; the summary counts them all and "Apply" reaches them all. */
const CLIENTS_SHOWN = 100;

const DRIFT_RANK: Record<Drift, number> = { missing: 0, weaker: 1, stronger: 2, matches: 3 };

const DRIFT_TONES: Record<Drift, string> = {
  missing: "bg-red-100 text-red-800",
  weaker: "bg-amber-100 text-amber-900",
  matches: "bg-emerald-100 text-emerald-800",
  stronger: "bg-sky-100 text-sky-900",
};

type Props = {
  providerId: string;
  baseline: Baseline;
  clients: BaselineClient[];
  clientChoices: Choice[];
  groups: Choice[];
};

export function BaselineManager({ providerId, baseline, clients, clientChoices, groups }: Props) {
  const held = baseline.policies.filter((policy) => policy.enabled);
  return (
    <div className="flex flex-col gap-8">
      <BaselinePolicies providerId={providerId} baseline={baseline} />
      <BaselineTarget providerId={providerId} baseline={baseline} clientChoices={clientChoices} groups={groups} />
      {held.length === 0 ? (
        <EmptyState title="The baseline holds no policy yet.">
          Include a policy above to see which clients have it and which do not.
        </EmptyState>
      ) : (
        <BaselineDrift providerId={providerId} clients={clients} twoStep={held.some(isTwoStep)} />
      )}
    </div>
  );
}

function isTwoStep(policy: { type: PolicyType }): boolean {
  return policy.type === "two_factor_authentication";
}

function BaselinePolicies({ providerId, baseline }: { providerId: string; baseline: Baseline }) {
  return (
    <section aria-labelledby="baseline-policies" className="flex flex-col gap-3">
      <h2 id="baseline-policies" className="text-lg font-semibold">
        Policies
      </h2>
      <PoliciesTable
        caption="Policies of the baseline"
        policies={baseline.policies}
        status={{ heading: "In the baseline", on: "Included", off: "Not included" }}
        tenant={{ providerId }}
        action={updateBaselinePolicyAction}
        schema={updateBaselinePolicySchema}
      />
    </section>
  );
}

function BaselineTarget({
  providerId,
  baseline,
  clientChoices,
  groups,
}: {
  providerId: string;
  baseline: Baseline;
  clientChoices: Choice[];
  groups: Choice[];
}) {
  const [open, setOpen] = useState(false);
  const { target } = baseline;
  const summary = target.allClients
    ? "All clients, including those added later."
    : `${reachSummary("service_user", target)}: the chosen clients, and every client in the chosen groups.`;
  return (
    <section aria-labelledby="baseline-target" className="flex flex-col gap-3">
      <h2 id="baseline-target" className="text-lg font-semibold">
        Clients it covers
      </h2>
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <p className="text-sm text-slate-700">{summary}</p>
        <Button variant="secondary" onClick={() => setOpen(true)}>
          Choose clients
        </Button>
      </div>
      {open ? (
        <TargetDialog
          providerId={providerId}
          baseline={baseline}
          clientChoices={clientChoices}
          groups={groups}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </section>
  );
}

function TargetDialog({
  providerId,
  baseline,
  clientChoices,
  groups,
  onClose,
}: {
  providerId: string;
  baseline: Baseline;
  clientChoices: Choice[];
  groups: Choice[];
  onClose: () => void;
}) {
  const [value, setValue] = useState(baseline.target);
  const save = useAction(updateBaselineTargetAction, { success: () => "The baseline's clients were saved." });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await save.run({ providerId, ...value });
    if (result.ok) onClose();
  }

  return (
    <Dialog open onClose={onClose} busy={save.busy} title="Clients the baseline covers" size="lg">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        {save.error ? <Alert tone="error">{save.error}</Alert> : null}
        <ReachFields
          legend="Covers"
          value={value}
          onChange={setValue}
          clients={clientChoices}
          groups={groups}
          error={save.fieldErrors.clientIds}
        />
        <DialogFormActions onCancel={onClose} busy={save.busy} />
      </form>
    </Dialog>
  );
}

function BaselineDrift({
  providerId,
  clients,
  twoStep,
}: {
  providerId: string;
  clients: BaselineClient[];
  twoStep: boolean;
}) {
  const [confirming, setConfirming] = useState<BaselineClient | "all" | null>(null);
  const apply = useAction(applyBaselineAction, {
    success: (result) =>
      result.policies === 0
        ? "Nothing needed changing."
        : `The baseline was applied: ${counted(result.policies, "policy", "policies")} in ${counted(result.clients, "client")}.`,
  });
  const drifting = clients.filter((client) => needsBaseline(client.drift));
  const sorted = [...clients].sort(
    (a, b) => DRIFT_RANK[a.drift.overall] - DRIFT_RANK[b.drift.overall] || a.name.localeCompare(b.name),
  );
  const shown = sorted.slice(0, CLIENTS_SHOWN);
  const tally = (drift: Drift) => clients.filter((client) => client.drift.overall === drift).length;

  async function confirm() {
    if (confirming === null) return;
    const organizationId = confirming === "all" ? undefined : confirming.organizationId;
    await apply.run({ providerId, organizationId });
    setConfirming(null);
  }

  return (
    <section aria-labelledby="baseline-drift" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="baseline-drift" className="text-lg font-semibold">
            Drift
          </h2>
          <p className="text-sm text-slate-600">
            {counted(clients.length, "client")} covered: {tally("matches")} match, {tally("stronger")} stronger,{" "}
            {tally("weaker")} weaker, {tally("missing")} missing a policy.
          </p>
        </div>
        {drifting.length > 0 ? (
          <Button onClick={() => setConfirming("all")}>Apply to {counted(drifting.length, "drifting client")}</Button>
        ) : null}
      </div>
      {apply.error ? <Alert tone="error">{apply.error}</Alert> : null}
      {clients.length === 0 ? (
        <EmptyState title="The baseline covers no client you can reach." />
      ) : (
        <Table caption="Clients and the baseline">
          <THead>
            <TH>Client</TH>
            <TH>Drift</TH>
            <TH>Policies</TH>
            <TH align="right">
              <span className="sr-only">Actions</span>
            </TH>
          </THead>
          <TBody>
            {shown.map((client) => (
              <TR key={client.organizationId}>
                <RowHeader>
                  <Link
                    className="text-brand-700 hover:underline"
                    href={`/organizations/${client.organizationId}/settings/policies`}
                  >
                    {client.name}
                  </Link>
                </RowHeader>
                <TD>
                  <DriftBadge drift={client.drift.overall} />
                </TD>
                <TD>
                  <ul className="flex flex-col gap-0.5 text-xs text-slate-700">
                    {(Object.entries(client.drift.byType) as [PolicyType, Drift][])
                      .filter(([, drift]) => drift !== "matches")
                      .map(([type, drift]) => (
                        <li key={type}>
                          {POLICY_INFO[type].name}: {DRIFT_LABELS[drift].toLowerCase()}
                        </li>
                      ))}
                  </ul>
                </TD>
                <TD align="right">
                  {needsBaseline(client.drift) ? (
                    <Button variant="secondary" onClick={() => setConfirming(client)}>
                      Apply<span className="sr-only"> the baseline to {client.name}</span>
                    </Button>
                  ) : null}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {sorted.length > shown.length ? (
        <p className="text-sm text-slate-600">
          Showing the first {shown.length} of {sorted.length} clients, those that drifted first.
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming !== null}
        title={
          confirming === "all"
            ? "Apply the baseline to every drifting client?"
            : `Apply the baseline to ${confirming?.name}?`
        }
        message={
          <>
            Each policy that is off or weaker is turned on with the baseline&apos;s options; what a client made stricter
            stays. {twoStep ? TWO_STEP_LOGIN_NOTE : null}
          </>
        }
        confirmLabel="Apply the baseline"
        busy={apply.busy}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(null)}
      />
    </section>
  );
}

function DriftBadge({ drift }: { drift: Drift }) {
  return (
    <span className={cn("rounded px-2 py-0.5 text-xs font-medium", DRIFT_TONES[drift])}>{DRIFT_LABELS[drift]}</span>
  );
}
