import type { Metadata } from "next";
import Link from "next/link";
import { ClientBarChart } from "@/components/charts/client-bar-chart";
import { UsageChart } from "@/components/charts/usage-chart";
import { EventTable } from "@/components/events/event-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { providerRoleHolds } from "@/lib/authz/permissions";
import { requireProviderScope } from "@/lib/authz/scope";
import { listRecentEvents } from "@/lib/dal/event-log";
import { baselinePoliciesOf, listBaselineDrift } from "@/lib/dal/provider-baselines";
import { listUsageHistory } from "@/lib/dal/usage-ledger";
import { needsBaseline } from "@/lib/policies/baseline";
import {
  CONFIRM_LIST_SIZE,
  type DashboardClient,
  getProviderDashboard,
  listMembersToConfirm,
  NEAR_SEAT_LIMIT,
} from "@/lib/dal/provider-dashboard";
import { eventLogSearch } from "@/lib/events/event-filter";
import { defaultDateRange, isoDay } from "@/lib/events/date-range";
import { SECURITY_EVENT_TYPES } from "@/lib/events/event-types";
import { MembersToConfirm } from "./members-to-confirm";

export const metadata: Metadata = { title: "Dashboard" };

const SECURITY_DAYS = 30;
const USAGE_DAYS = 90;
const count = (value: number) => value.toLocaleString("en-US");

function Figure({ label, value, detail, href }: { label: string; value: string; detail?: string; href: string }) {
  return (
    <Link
      href={href}
      className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <span className="block text-sm text-slate-600">{label}</span>
      <span className="mt-1 block text-2xl font-semibold text-slate-900">{value}</span>
      {detail ? <span className="mt-1 block text-xs text-slate-600">{detail}</span> : null}
    </Link>
  );
}

/** Covered clients with a baseline policy off or weaker; before the baseline holds a policy, an invitation to make one. */
function BaselineFigure({ baseline, clients, href }: Awaited<ReturnType<typeof listBaselineDrift>> & { href: string }) {
  const held = Object.keys(baselinePoliciesOf(baseline)).length;
  if (held === 0) return <Figure label="Off the policy baseline" value="–" detail="No baseline yet" href={href} />;
  const drifting = clients.filter((client) => needsBaseline(client.drift)).length;
  return (
    <Figure
      label="Off the policy baseline"
      value={count(drifting)}
      detail={`of ${count(clients.length)} covered`}
      href={href}
    />
  );
}

function nearLimit(client: DashboardClient): boolean {
  return client.assigned > 0 && client.used >= client.assigned * NEAR_SEAT_LIMIT;
}

/**
 * The Provider Portal's home: the clients in the caller's reach at a glance, from membership and account figures
 * only (it never decrypts a client's items; weak or reused passwords stay in each client's own reports).
 */
export default async function ProviderDashboardPage({ params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  const scope = await requireProviderScope(providerId, "provider.clients.view");
  const seesBaseline = providerRoleHolds(scope.role, "provider.baseline.manage");
  const [dashboard, security, baseline, toConfirm, usage] = await Promise.all([
    getProviderDashboard(scope),
    listRecentEvents(scope, SECURITY_EVENT_TYPES, SECURITY_DAYS, 10),
    seesBaseline ? listBaselineDrift(scope) : null,
    listMembersToConfirm(scope),
    listUsageHistory(scope, isoDay(new Date()), USAGE_DAYS),
  ]);
  const { totals } = dashboard;
  const base = `/providers/${scope.providerId}`;
  const seesEvents = providerRoleHolds(scope.role, "provider.events.view");
  const clientsOf = (name: string) => `${base}/clients?${new URLSearchParams({ q: name })}`;
  const failedLogins = `${base}/events?${eventLogSearch({
    range: defaultDateRange(new Date()),
    actor: "anyone",
    client: "",
    member: "",
    type: "user_login_failed",
  })}`;

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`The ${count(totals.clients)} client${totals.clients === 1 ? "" : "s"} you reach at a glance: seats, members and sign-in security. Item contents never leave the clients' own consoles.`}
      />
      {totals.clients === 0 ? (
        <EmptyState title="No clients yet.">
          <Link href={`${base}/clients`} className="font-semibold text-brand-700 underline">
            Create or add a client
          </Link>{" "}
          and its figures appear here.
        </EmptyState>
      ) : (
        <>
          <section aria-label="Figures" className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-4">
            <Figure label="Clients" value={count(totals.clients)} href={`${base}/clients`} />
            <Figure
              label="Seats in use"
              value={`${count(totals.seatsUsed)} of ${count(totals.seatsAssigned)}`}
              href={providerRoleHolds(scope.role, "provider.billing.view") ? `${base}/billing` : `${base}/clients`}
            />
            <Figure label="Invited, not accepted" value={count(totals.invited)} href={`${base}/clients`} />
            <Figure
              label="Awaiting confirmation"
              value={count(totals.awaitingConfirmation)}
              detail="Accepted, not yet confirmed"
              href={toConfirm.length > 0 ? "#confirm" : "#attention"}
            />
            <Figure
              label="Without two-step login"
              value={count(totals.withoutTwoStep)}
              detail={`of ${count(totals.members)} members`}
              href="#attention"
            />
            <Figure label="Near their seat limit" value={count(totals.nearSeatLimit)} href="#attention" />
            {baseline ? <BaselineFigure {...baseline} href={`${base}/baseline`} /> : null}
          </section>

          <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
            <Card>
              <ClientBarChart
                title="Seats per client (most assigned)"
                rows={dashboard.bySeats.map((client) => ({
                  id: client.id,
                  name: client.name,
                  assigned: client.assigned,
                  used: client.used,
                }))}
                series={[
                  { key: "assigned", label: "Assigned", color: "#94a3b8" },
                  { key: "used", label: "In use", color: "#1d4ed8" },
                ]}
              />
            </Card>
            <Card>
              {dashboard.byTwoStep.length > 0 ? (
                <ClientBarChart
                  title="Two-step login per client (lowest first)"
                  rows={dashboard.byTwoStep.map((client) => ({
                    id: client.id,
                    name: client.name,
                    with: client.members - client.withoutTwoStep,
                    without: client.withoutTwoStep,
                  }))}
                  series={[
                    { key: "with", label: "With two-step login", color: "#047857" },
                    { key: "without", label: "Without", color: "#b45309" },
                  ]}
                  stacked
                />
              ) : (
                <p className="text-sm text-slate-600">No client has members with an account yet.</p>
              )}
            </Card>
          </div>

          <Card className="mt-6">
            {usage.length > 1 ? (
              <UsageChart title={`Seats over the last ${USAGE_DAYS} days`} days={usage} />
            ) : (
              <p className="text-sm text-slate-600">
                Seats over time appear here from the second day the usage ledger records (the server records it every
                hour).
              </p>
            )}
          </Card>

          {toConfirm.length > 0 ? (
            <Card className="mt-6">
              <MembersToConfirm members={toConfirm} more={toConfirm.length === CONFIRM_LIST_SIZE} />
            </Card>
          ) : null}

          <Card className="mt-6">
            <h2 id="attention" className="mb-4 text-lg font-semibold">
              Needs attention
            </h2>
            {dashboard.needsAttention.length === 0 ? (
              <p className="text-sm text-slate-600">
                Nothing to do: every member is confirmed and uses two-step login, and no client is near its seat limit.
              </p>
            ) : (
              <Table caption="Clients that need attention">
                <THead>
                  <TH>Client</TH>
                  <TH align="right">To confirm</TH>
                  <TH align="right">Without two-step login</TH>
                  <TH align="right">Seats in use</TH>
                </THead>
                <TBody>
                  {dashboard.needsAttention.map((client) => (
                    <TR key={client.id}>
                      <RowHeader>
                        <Link href={clientsOf(client.name)} className="font-medium text-brand-700 underline">
                          {client.name}
                        </Link>
                      </RowHeader>
                      <TD align="right">{count(client.awaitingConfirmation)}</TD>
                      <TD align="right">
                        {count(client.withoutTwoStep)} of {count(client.members)}
                      </TD>
                      <TD align="right">
                        {count(client.used)} of {count(client.assigned)}
                        {nearLimit(client) ? (
                          <span className="block text-xs text-amber-800">Near the limit</span>
                        ) : null}
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </Card>

          <Card className="mt-6">
            <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg font-semibold">Security events, last {SECURITY_DAYS} days</h2>
              {seesEvents ? (
                <Link href={failedLogins} className="text-sm font-semibold text-brand-700 underline">
                  All failed logins in the event log
                </Link>
              ) : null}
            </div>
            {security.length === 0 ? (
              <p className="text-sm text-slate-600">No failed logins or lost two-step logins in your clients.</p>
            ) : (
              <EventTable kind="provider" rows={security} caption="Recent security events" />
            )}
          </Card>
        </>
      )}
    </>
  );
}
