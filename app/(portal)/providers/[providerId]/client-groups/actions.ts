"use server";

import { defineAction } from "@/lib/authz/action";
import { provider } from "@/lib/authz/scope-rules";
import {
  createClientGroup,
  deleteClientGroup,
  renameClientGroup,
  setClientGroupClients,
} from "@/lib/dal/provider-scopes";
import {
  clientGroupRefSchema,
  createClientGroupSchema,
  renameClientGroupSchema,
  setClientGroupClientsSchema,
} from "@/lib/validation/provider-scopes";

/**
 * Client groups (DESIGN §13): a service user scoped to a group reaches every client tagged with it, so creating,
 * renaming, deleting and tagging are all provider admins' (provider.client_access.manage).
 */

const DUPLICATE_NAME = {
  provider_client_groups_provider_name: { field: "name", message: "This provider already has a group with that name." },
};

export const createClientGroupAction = defineAction({
  name: "provider.clientGroups.create",
  input: createClientGroupSchema,
  scope: provider("provider.client_access.manage"),
  async run({ input, scope, tx, record }) {
    const group = await createClientGroup(tx, scope, input.name);
    await record({ type: "provider_client_group_created", details: { groupId: group.id, name: input.name } });
    return { groupId: group.id };
  },
  constraints: DUPLICATE_NAME,
});

export const renameClientGroupAction = defineAction({
  name: "provider.clientGroups.rename",
  input: renameClientGroupSchema,
  scope: provider("provider.client_access.manage"),
  async run({ input, scope, tx, record }) {
    const { before } = await renameClientGroup(tx, scope, input.groupId, input.name);
    await record({
      type: "provider_client_group_updated",
      details: { groupId: input.groupId, nameBefore: before, name: input.name },
    });
    return {};
  },
  constraints: DUPLICATE_NAME,
});

export const deleteClientGroupAction = defineAction({
  name: "provider.clientGroups.delete",
  input: clientGroupRefSchema,
  scope: provider("provider.client_access.manage"),
  async run({ input, scope, tx, record }) {
    const group = await deleteClientGroup(tx, scope, input.groupId);
    await record({ type: "provider_client_group_deleted", details: { groupId: group.id, name: group.name } });
    return {};
  },
});

export const setClientGroupClientsAction = defineAction({
  name: "provider.clientGroups.setClients",
  input: setClientGroupClientsSchema,
  scope: provider("provider.client_access.manage"),
  async run({ input, scope, tx, record }) {
    const { group, before, after } = await setClientGroupClients(tx, scope, input.groupId, input.clientIds);
    await record({
      type: "provider_client_group_clients_updated",
      details: { groupId: group.id, name: group.name, clientsBefore: before, clients: after },
    });
    return {};
  },
});
