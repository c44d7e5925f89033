import type { PolicyType } from "@/lib/enums";
import { type PolicyDataMap, policyDataOf } from "./types";

/**
 * A provider's policy baseline measured against one client (issue: policy baselines). Every policy the baseline holds
 * must be on in the client, each option at least as strict: a number at least as high, a required character class
 * required. A client may be stricter; re-applying the baseline raises what is weaker and keeps what is stricter.
 */

/** The policies a baseline holds, with their options; a policy it does not hold is each client's own business. */
export type BaselinePolicies = { [T in PolicyType]?: PolicyDataMap[T] };

/** A client's policy as far as the baseline cares: absent when it was never saved. */
export type ClientPolicy = { enabled: boolean; data: unknown };

/** How one client's policy compares: off or absent, weaker in some option, equal, or stricter in some and weaker in none. */
export type Drift = "missing" | "weaker" | "matches" | "stronger";

export const DRIFT_LABELS: Record<Drift, string> = {
  missing: "Missing",
  weaker: "Weaker",
  matches: "Matches",
  stronger: "Stronger",
};

/** Worst first: a client's overall drift is its worst policy's. */
const DRIFT_ORDER: readonly Drift[] = ["missing", "weaker", "stronger", "matches"];

type Comparison = -1 | 0 | 1;

/** -1 when the client's value is weaker than the baseline's, 1 when stricter. Numbers are floors, flags are musts. */
function compareValue(baseline: unknown, client: unknown): Comparison {
  if (typeof baseline === "number" && typeof client === "number")
    return client < baseline ? -1 : client > baseline ? 1 : 0;
  if (typeof baseline === "boolean" && typeof client === "boolean") return client === baseline ? 0 : client ? 1 : -1;
  // The generator's default type: a baseline that names one needs that one; naming one where the baseline leaves the
  // member's choice is stricter.
  if (baseline === client) return 0;
  return baseline === null ? 1 : -1;
}

/** The client's policy against the baseline's, option by option. */
export function policyDrift<T extends PolicyType>(
  type: T,
  baseline: PolicyDataMap[T],
  client: ClientPolicy | undefined,
): Drift {
  if (!client?.enabled) return "missing";
  if (baseline === null) return "matches";
  const data = policyDataOf(type, client.data) as Record<string, unknown>;
  const comparisons = Object.entries(baseline).map(([key, value]) => compareValue(value, data[key]));
  if (comparisons.includes(-1)) return "weaker";
  return comparisons.includes(1) ? "stronger" : "matches";
}

/** The options a client gets when the baseline is applied: the stricter of the two, option by option. */
export function strictestPolicyData<T extends PolicyType>(
  type: T,
  baseline: PolicyDataMap[T],
  client: ClientPolicy | undefined,
): PolicyDataMap[T] {
  if (baseline === null || !client?.enabled) return baseline;
  const data = policyDataOf(type, client.data) as Record<string, unknown>;
  const merged = Object.fromEntries(
    Object.entries(baseline).map(([key, value]) => [key, compareValue(value, data[key]) === 1 ? data[key] : value]),
  );
  return policyDataOf(type, merged);
}

export type ClientDrift = { overall: Drift; byType: { [T in PolicyType]?: Drift } };

/** Every baseline policy's drift in one client, and the worst of them; an empty baseline matches everyone. */
export function clientDrift(
  baseline: BaselinePolicies,
  policies: Partial<Record<PolicyType, ClientPolicy>>,
): ClientDrift {
  const byType: ClientDrift["byType"] = {};
  for (const [type, data] of Object.entries(baseline) as [PolicyType, PolicyDataMap[PolicyType]][]) {
    byType[type] = policyDrift(type, data, policies[type]);
  }
  const found = new Set(Object.values(byType));
  return { overall: DRIFT_ORDER.find((drift) => found.has(drift)) ?? "matches", byType };
}

/** Whether applying the baseline would change the client: some policy is missing or weaker. */
export function needsBaseline(drift: ClientDrift): boolean {
  return drift.overall === "missing" || drift.overall === "weaker";
}
