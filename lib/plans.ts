import { ORGANIZATION_PLANS, type OrganizationPlan, PROVIDER_PLANS, type ProviderPlan } from "@/lib/enums";

/**
 * Plan families (DESIGN §7): an organization plan's tier, monthly and annual alike. A provider buys seats on one
 * provider plan per paid family, and each client's seats count against the plan of its family.
 */
export type PlanFamily = "free" | "teams" | "enterprise";

const FAMILIES: Record<OrganizationPlan, PlanFamily> = {
  free: "free",
  teams_monthly: "teams",
  teams_annually: "teams",
  enterprise_monthly: "enterprise",
  enterprise_annually: "enterprise",
};

export function planFamily(plan: OrganizationPlan): PlanFamily {
  return FAMILIES[plan];
}

const LABELS: Record<PlanFamily, string> = { free: "Free", teams: "Teams", enterprise: "Enterprise" };

/** How plans read in tables, CSV files and mail. Annual and monthly variants of a plan read the same. */
export function planLabel(plan: OrganizationPlan): string {
  return LABELS[planFamily(plan)];
}

/** The provider plan an organization's seats count against; a free organization counts against none. */
export function providerPlanOf(plan: OrganizationPlan): ProviderPlan | null {
  return PROVIDER_PLANS.find((providerPlan) => planFamily(providerPlan) === planFamily(plan)) ?? null;
}

/** The organization plans whose seats count against a provider plan. */
export function organizationPlansOf(providerPlan: ProviderPlan): OrganizationPlan[] {
  return ORGANIZATION_PLANS.filter((plan) => providerPlanOf(plan) === providerPlan);
}

export function isProviderPlan(value: unknown): value is ProviderPlan {
  return (PROVIDER_PLANS as readonly unknown[]).includes(value);
}
