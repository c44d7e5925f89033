import {
  deleteOrganizationAction,
  updateOrganizationSettingsAction,
} from "@/app/(console)/organizations/[organizationId]/settings/info/actions";
import type { IsolationEntry } from "./types";

export const ORGANIZATION_SETTINGS_ACTIONS: IsolationEntry[] = [
  {
    name: "organization.settings.update",
    grants: false,
    action: updateOrganizationSettingsAction,
    // Owners and the managing provider's members (org.settings.manage).
    allowed: ["client_owner", "service_user", "provider_admin"],
    input: (demo) => ({ organizationId: demo.client1, name: "Taken over", billingEmail: "intruder@x.example" }),
  },
  {
    name: "organization.delete",
    grants: false,
    action: deleteOrganizationAction,
    // Owners only (org.delete): the provider's members manage a client but may not delete it. The typed name is
    // the right one, so every refusal here is about authorization.
    allowed: ["client_owner"],
    input: (demo) => ({ organizationId: demo.client1, confirmName: "My Client's Organization" }),
  },
];
