import { updateClientAccessAction } from "@/app/(portal)/providers/[providerId]/members/actions";
import {
  createClientGroupAction,
  deleteClientGroupAction,
  renameClientGroupAction,
  setClientGroupClientsAction,
} from "@/app/(portal)/providers/[providerId]/client-groups/actions";
import { UNKNOWN_ID } from "../../../support/fakes";
import type { IsolationEntry } from "./types";

const ADMINS = ["provider_admin"] as const;

/**
 * Technician scope (DESIGN §13): each widens someone's reach over clients, so all are grants and all are provider
 * admins'. The group ids are unknown on purpose: whoever passes the gate gets a 404 from the DAL instead, and the
 * escalation matrix tries them with real groups.
 */
export const PROVIDER_SCOPE_ACTIONS: IsolationEntry[] = [
  {
    name: "provider.members.clientAccess",
    grants: true,
    action: updateClientAccessAction,
    allowed: ADMINS,
    input: (demo) => ({
      providerId: demo.providerId,
      memberId: demo.providerUsers.tech,
      allClients: false,
      clientIds: [demo.client1],
      groupIds: [],
    }),
  },
  {
    name: "provider.clientGroups.create",
    grants: true,
    action: createClientGroupAction,
    allowed: ADMINS,
    input: (demo) => ({ providerId: demo.providerId, name: "Intruder group" }),
  },
  {
    name: "provider.clientGroups.rename",
    grants: true,
    action: renameClientGroupAction,
    allowed: ADMINS,
    input: (demo) => ({ providerId: demo.providerId, groupId: UNKNOWN_ID, name: "Renamed" }),
  },
  {
    name: "provider.clientGroups.delete",
    grants: true,
    action: deleteClientGroupAction,
    allowed: ADMINS,
    input: (demo) => ({ providerId: demo.providerId, groupId: UNKNOWN_ID }),
  },
  {
    name: "provider.clientGroups.setClients",
    grants: true,
    action: setClientGroupClientsAction,
    allowed: ADMINS,
    input: (demo) => ({ providerId: demo.providerId, groupId: UNKNOWN_ID, clientIds: [demo.client1] }),
  },
];
