import { createProvider, setProviderEnabled, updateProviderPlans } from "@/app/admin/actions";
import type { IsolationEntry } from "./types";

/** The operator pages' actions (app/admin): only an email in ADMIN_EMAILS may use them. */
export const OPERATOR_ACTIONS: IsolationEntry[] = [
  {
    name: "operator.provider.create",
    grants: true,
    action: createProvider,
    allowed: ["operator"],
    input: () => ({
      name: "Isolation MSP",
      ownerEmail: "owner@isolation.example",
      teamsMinimum: 1,
      enterpriseMinimum: 2,
    }),
  },
  {
    name: "operator.provider.updatePlans",
    grants: false,
    action: updateProviderPlans,
    allowed: ["operator"],
    input: (demo) => ({ providerId: demo.providerId, teamsMinimum: 7, enterpriseMinimum: 1 }),
  },
  {
    name: "operator.provider.setEnabled",
    grants: false,
    action: setProviderEnabled,
    allowed: ["operator"],
    input: (demo) => ({ providerId: demo.providerId, enabled: false }),
  },
];
