"use server";

import { defineAction } from "@/lib/authz/action";
import { ActionError } from "@/lib/authz/action-error";
import { org } from "@/lib/authz/scope-rules";
import { createGroup, deleteGroup, updateGroup } from "@/lib/dal/groups";
import { deleteGroupSchema, saveGroupSchema } from "@/lib/validation/collections";

export const createGroupAction = defineAction({
  name: "organization.groups.create",
  input: saveGroupSchema,
  scope: org("org.groups.manage"),
  async run({ input, scope, tx, record }) {
    if (input.groupId) throw new ActionError("A new group has no id yet.");
    const groupId = await createGroup(tx, scope, input);
    await record({ type: "group_created", groupId, details: { name: input.name } });
    return { groupId };
  },
});

export const updateGroupAction = defineAction({
  name: "organization.groups.update",
  input: saveGroupSchema,
  scope: org("org.groups.manage"),
  async run({ input, scope, tx, record }) {
    if (!input.groupId) throw new ActionError("Say which group to change.");
    await updateGroup(tx, scope, input.groupId, input);
    await record({
      type: "group_updated",
      groupId: input.groupId,
      details: { name: input.name, members: input.memberIds.length },
    });
    return {};
  },
});

export const deleteGroupAction = defineAction({
  name: "organization.groups.delete",
  input: deleteGroupSchema,
  scope: org("org.groups.manage"),
  async run({ input, scope, tx, record }) {
    const group = await deleteGroup(tx, scope, input.groupId);
    await record({ type: "group_deleted", groupId: input.groupId, details: { name: group.name } });
    return {};
  },
});
