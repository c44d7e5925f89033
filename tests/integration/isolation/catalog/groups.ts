import {
  createGroupAction,
  deleteGroupAction,
  updateGroupAction,
} from "@/app/(console)/organizations/[organizationId]/groups/actions";
import type { IsolationEntry } from "./types";

const CONSOLE = ["client_owner", "service_user", "provider_admin"] as const;

export const GROUP_ACTIONS: IsolationEntry[] = [
  {
    name: "organization.groups.create",
    grants: true,
    action: createGroupAction,
    allowed: CONSOLE,
    input: (demo) => ({ organizationId: demo.client1, name: "Intruders" }),
  },
  {
    name: "organization.groups.update",
    grants: true,
    action: updateGroupAction,
    allowed: CONSOLE,
    input: (demo) => ({
      organizationId: demo.client1,
      groupId: demo.client1Group,
      name: "Renamed",
      collections: [{ collectionId: demo.client1Collection, level: "manage" }],
    }),
  },
  {
    name: "organization.groups.delete",
    grants: false,
    action: deleteGroupAction,
    allowed: CONSOLE,
    input: (demo) => ({ organizationId: demo.client1, groupId: demo.client1Group }),
  },
];
