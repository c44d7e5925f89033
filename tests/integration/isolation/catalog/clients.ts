import {
  addExistingClientAction,
  createClientAction,
  discardPendingClientAction,
  listAddableOrganizationsAction,
  openClientConsoleAction,
  requestClientAction,
  unlinkClientAction,
  updateClientAction,
} from "@/app/(portal)/providers/[providerId]/clients/actions";
import { FAKE_ENC_2, FAKE_PUBLIC_KEY, UNKNOWN_ID } from "../../../support/fakes";
import type { IsolationEntry } from "./types";

const ADMINS = ["provider_admin"] as const;
const PROVIDER_MEMBERS = ["provider_admin", "service_user"] as const;

export const CLIENT_ACTIONS: IsolationEntry[] = [
  {
    name: "provider.clients.create",
    grants: true,
    action: createClientAction,
    allowed: ADMINS,
    input: (demo) => ({
      providerId: demo.providerId,
      name: "Intruder Client",
      ownerEmail: "intruder@x.example",
      planType: "enterprise_monthly",
      seats: 2,
      publicKey: FAKE_PUBLIC_KEY,
      privateKey: FAKE_ENC_2,
      collectionName: FAKE_ENC_2,
      key: FAKE_ENC_2,
    }),
  },
  // A request makes no client and invites nobody: setting it up is createClientAction, the grant above.
  {
    name: "provider.clients.request",
    grants: false,
    action: requestClientAction,
    allowed: ADMINS,
    input: (demo) => ({
      providerId: demo.providerId,
      name: "Requested Client",
      ownerEmail: "requested@x.example",
      planType: "teams_monthly",
      seats: 2,
    }),
  },
  {
    name: "provider.clients.discardRequest",
    grants: false,
    action: discardPendingClientAction,
    allowed: ADMINS,
    input: (demo) => ({ providerId: demo.providerId, pendingClientId: UNKNOWN_ID }),
  },
  // Reads the caller's own organizations only: a provider id they do not administer is a 404 all the same.
  {
    name: "provider.clients.listAddable",
    grants: false,
    action: listAddableOrganizationsAction,
    allowed: ADMINS,
    input: (demo) => ({ providerId: demo.providerId }),
  },
  {
    name: "provider.clients.addExisting",
    grants: true,
    action: addExistingClientAction,
    // Nobody may add the demo's internal organization (its admin owns it, but it is internal: the escalation matrix).
    allowed: ADMINS,
    input: (demo) => ({ providerId: demo.providerId, organizationId: demo.internal, key: FAKE_ENC_2 }),
  },
  {
    name: "provider.clients.update",
    grants: false,
    action: updateClientAction,
    allowed: PROVIDER_MEMBERS,
    input: (demo) => ({
      providerId: demo.providerId,
      organizationId: demo.client2,
      name: "Renamed By Intruder",
      seats: 3,
    }),
  },
  {
    name: "provider.clients.unlink",
    grants: false,
    action: unlinkClientAction,
    allowed: ADMINS,
    input: (demo) => ({ providerId: demo.providerId, organizationId: demo.client1 }),
  },
  {
    name: "provider.clients.open",
    grants: false,
    action: openClientConsoleAction,
    allowed: PROVIDER_MEMBERS,
    input: (demo) => ({ providerId: demo.providerId, organizationId: demo.client1 }),
  },
];
