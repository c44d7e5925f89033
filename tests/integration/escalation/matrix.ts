import { setUpProvider } from "@/app/(portal)/providers/setup/actions";
import { acceptInvitation } from "@/app/(auth)/accept/actions";
import {
  createCollectionAction,
  updateCollectionAction,
} from "@/app/(console)/organizations/[organizationId]/collections/actions";
import { createGroupAction, updateGroupAction } from "@/app/(console)/organizations/[organizationId]/groups/actions";
import {
  confirmOrganizationMembersAction,
  inviteOrganizationMembersAction,
  restoreOrganizationMembersAction,
  updateOrganizationMemberAction,
} from "@/app/(console)/organizations/[organizationId]/members/actions";
import { addExistingClientAction, createClientAction } from "@/app/(portal)/providers/[providerId]/clients/actions";
import {
  confirmProviderMembersAction,
  inviteProviderMembersAction,
  updateClientAccessAction,
  updateProviderMemberAction,
} from "@/app/(portal)/providers/[providerId]/members/actions";
import { createProviderKeyAction } from "@/app/(portal)/providers/[providerId]/actions";
import {
  createClientGroupAction,
  deleteClientGroupAction,
  renameClientGroupAction,
  setClientGroupClientsAction,
} from "@/app/(portal)/providers/[providerId]/client-groups/actions";
import { approveProviderRequestAction, createProvider } from "@/app/admin/actions";
import { createProviderApiKeyAction } from "@/app/(portal)/providers/[providerId]/api-keys/actions";
import {
  decideProviderAccessAction,
  requestProviderAccessAction,
  setProviderAccessRuleAction,
} from "@/app/(console)/organizations/[organizationId]/provider-access/actions";
import { addItemsToCollectionsAction, assignCollectionsAction } from "@/app/(vault)/vault/actions";
import { claimMoveAction } from "@/app/(console)/organizations/[organizationId]/settings/provider/actions";
import { completeMoveAction } from "@/app/(portal)/providers/[providerId]/clients/move-actions";
import { customPermissionsSchema } from "@/lib/validation/organization-members";
import { FAKE_ENC_2, FAKE_ENC_4, FAKE_PUBLIC_KEY } from "../../support/fakes";
import type { EscalationFixture, EscalationRole, Self } from "./fixture";

/**
 * The escalation matrix (DESIGN §11), beside the isolation matrix: for every action that grants anything, attempts
 * to grant more than the caller holds, or to grant it to themselves. Each attempt names the roles that legitimately
 * may make it; every other role must be refused with nothing written. Inputs are valid, so a refusal is about the
 * grant, not the input.
 */
export type Attempt = {
  label: string;
  /** The roles for whom this is no escalation (not run: the matrix checks refusals). */
  allowed: readonly EscalationRole[];
  input: (fx: EscalationFixture, self: Self) => unknown;
};

export type GrantingAction = { name: string; action: (input: never) => Promise<{ ok: boolean }>; attempts: Attempt[] };

/** Owners and admins hold every collection at "Can manage"; provider members act as owners. */
const FULL = ["owner", "admin", "provider_admin", "service_user"] as const;
const OWNERS = ["owner", "provider_admin", "service_user"] as const;
/** Members who edit every item and may add to every collection; provider members reach no items (DESIGN §6). */
const ITEM_HOLDERS = ["owner", "admin"] as const;
const EVERY_FLAG = customPermissionsSchema.parse({
  manageUsers: true,
  manageGroups: true,
  managePolicies: true,
  accessEventLogs: true,
  accessReports: true,
  accessImportExport: true,
  createNewCollections: true,
  editAnyCollection: true,
  deleteAnyCollection: true,
});

let counter = 0;
/** A fresh address per input, so "already invited" never stands in for the refusal under test. */
const fresh = () => `escalation-${(counter += 1)}@test.example`;

const member = (fx: EscalationFixture, memberId: string, fields: object) => ({
  organizationId: fx.organizationId,
  memberId,
  type: "user",
  ...fields,
});
const inForeign = (input: object) => (fx: EscalationFixture) => ({ ...input, organizationId: fx.foreignOrganization });

export const ESCALATION_MATRIX: GrantingAction[] = [
  {
    name: "organization.members.invite",
    action: inviteOrganizationMembersAction,
    attempts: [
      {
        label: "invite an Owner",
        allowed: OWNERS,
        input: (fx) => ({ organizationId: fx.organizationId, emails: fresh(), type: "owner" }),
      },
      {
        label: "invite an Admin",
        allowed: FULL,
        input: (fx) => ({ organizationId: fx.organizationId, emails: fresh(), type: "admin" }),
      },
      {
        label: "invite a Custom member with every flag",
        allowed: FULL,
        input: (fx) => ({
          organizationId: fx.organizationId,
          emails: fresh(),
          type: "custom",
          permissions: EVERY_FLAG,
        }),
      },
      {
        label: "invite with Can manage on a collection beyond the caller's",
        allowed: FULL,
        input: (fx) => ({
          organizationId: fx.organizationId,
          emails: fresh(),
          type: "user",
          collections: [{ collectionId: fx.secretCollection, level: "manage" }],
        }),
      },
      {
        label: "invite into a group reaching beyond the caller",
        allowed: FULL,
        input: (fx) => ({
          organizationId: fx.organizationId,
          emails: fresh(),
          type: "user",
          groupIds: [fx.secretKeepersGroup],
        }),
      },
      {
        label: "invite themselves",
        allowed: [],
        input: (fx, self) => ({ organizationId: fx.organizationId, emails: self.email, type: "admin" }),
      },
      {
        label: "invite a member of the provider",
        allowed: ["owner", "admin", "custom_manageUsers"],
        input: (fx) => ({ organizationId: fx.organizationId, emails: fx.providerMemberElsewhere, type: "user" }),
      },
      {
        label: "invite into another organization",
        allowed: [],
        input: (fx) => ({ organizationId: fx.foreignOrganization, emails: fresh(), type: "user" }),
      },
    ],
  },
  {
    name: "organization.members.update",
    action: updateOrganizationMemberAction,
    attempts: [
      {
        label: "make a member an Owner",
        allowed: OWNERS,
        input: (fx) => member(fx, fx.targetMemberId, { type: "owner" }),
      },
      {
        label: "make a member an Admin",
        allowed: FULL,
        input: (fx) => member(fx, fx.targetMemberId, { type: "admin" }),
      },
      {
        label: "give a member every Custom flag",
        allowed: FULL,
        input: (fx) => member(fx, fx.targetMemberId, { type: "custom", permissions: EVERY_FLAG }),
      },
      {
        label: "give a member Can manage beyond the caller's access",
        allowed: FULL,
        input: (fx) =>
          member(fx, fx.targetMemberId, { collections: [{ collectionId: fx.secretCollection, level: "manage" }] }),
      },
      {
        label: "put a member in a group reaching beyond the caller",
        allowed: FULL,
        input: (fx) => member(fx, fx.targetMemberId, { groupIds: [fx.secretKeepersGroup] }),
      },
      {
        label: "demote an Admin",
        allowed: OWNERS,
        input: (fx) => member(fx, fx.selves.admin.memberId, { type: "user" }),
      },
      {
        label: "make themselves an Owner",
        allowed: ["owner"],
        input: (fx, self) => member(fx, self.memberId, { type: "owner" }),
      },
      {
        label: "give themselves Can manage beyond their access",
        allowed: ["owner", "admin"],
        input: (fx, self) =>
          member(fx, self.memberId, {
            type: self.role,
            permissions: self.flags,
            collections: [{ collectionId: fx.secretCollection, level: "manage" }],
          }),
      },
      {
        label: "give themselves every Custom flag",
        allowed: [],
        input: (fx, self) => member(fx, self.memberId, { type: "custom", permissions: EVERY_FLAG }),
      },
      {
        label: "put themselves in a group reaching beyond them",
        allowed: ["owner", "admin"],
        input: (fx, self) =>
          member(fx, self.memberId, { type: self.role, permissions: self.flags, groupIds: [fx.secretKeepersGroup] }),
      },
      {
        label: "change a member of the provider",
        allowed: ["owner", "admin", "custom_manageUsers"],
        input: (fx) => member(fx, fx.providerMemberAccepted.memberId, {}),
      },
      {
        label: "change a member of another organization",
        allowed: [],
        input: (fx) => ({
          ...member(fx, fx.targetMemberId, { type: "admin" }),
          organizationId: fx.foreignOrganization,
        }),
      },
    ],
  },
  {
    name: "organization.members.confirm",
    action: confirmOrganizationMembersAction,
    attempts: [
      {
        label: "confirm themselves",
        allowed: [],
        input: (fx, self) => ({
          organizationId: fx.organizationId,
          confirmations: [{ id: self.memberId, key: FAKE_ENC_4 }],
        }),
      },
      {
        label: "confirm an Admin",
        allowed: FULL,
        input: (fx) => ({
          organizationId: fx.organizationId,
          confirmations: [{ id: fx.pendingAdminMemberId, key: FAKE_ENC_4 }],
        }),
      },
      {
        label: "confirm a member of the provider",
        allowed: ["owner", "admin", "custom_manageUsers"],
        input: (fx) => ({
          organizationId: fx.organizationId,
          confirmations: [{ id: fx.providerMemberAccepted.memberId, key: FAKE_ENC_4 }],
        }),
      },
      {
        label: "confirm in another organization",
        allowed: [],
        input: inForeign({ confirmations: [{ id: "00000000-0000-4000-8000-000000000000", key: FAKE_ENC_4 }] }),
      },
    ],
  },
  {
    name: "organization.members.restore",
    action: restoreOrganizationMembersAction,
    attempts: [
      {
        label: "restore an Admin",
        allowed: FULL,
        input: (fx) => ({ organizationId: fx.organizationId, memberIds: [fx.revokedAdminMemberId] }),
      },
      {
        label: "restore a member of the provider",
        allowed: ["owner", "admin", "custom_manageUsers"],
        input: (fx) => ({ organizationId: fx.organizationId, memberIds: [fx.providerMemberRevokedId] }),
      },
      {
        label: "restore in another organization",
        allowed: [],
        input: (fx) => ({ organizationId: fx.foreignOrganization, memberIds: [fx.revokedAdminMemberId] }),
      },
    ],
  },
  {
    name: "organization.groups.create",
    action: createGroupAction,
    attempts: [
      {
        label: "create a group reaching beyond the caller",
        allowed: FULL,
        input: (fx) => ({
          organizationId: fx.organizationId,
          name: "Reach",
          collections: [{ collectionId: fx.secretCollection, level: "manage" }],
        }),
      },
      {
        label: "create a group holding themselves with more than their access",
        allowed: ["owner", "admin"],
        input: (fx, self) => ({
          organizationId: fx.organizationId,
          name: "Mine",
          memberIds: [self.memberId],
          collections: [{ collectionId: fx.defaultCollection, level: "manage" }],
        }),
      },
      {
        label: "create a group giving a member of the provider access",
        allowed: ["owner", "admin", "custom_manageGroups"],
        input: (fx) => ({
          organizationId: fx.organizationId,
          name: "Techs",
          memberIds: [fx.providerMemberAccepted.memberId],
          collections: [{ collectionId: fx.defaultCollection, level: "view" }],
        }),
      },
      { label: "create a group in another organization", allowed: [], input: inForeign({ name: "Elsewhere" }) },
    ],
  },
  {
    name: "organization.groups.update",
    action: updateGroupAction,
    attempts: [
      {
        label: "join a group reaching beyond them",
        allowed: ["owner", "admin"],
        input: (fx, self) => ({
          organizationId: fx.organizationId,
          groupId: fx.secretKeepersGroup,
          name: "Secret keepers",
          memberIds: [self.memberId],
          collections: [{ collectionId: fx.secretCollection, level: "manage" }],
        }),
      },
      {
        label: "raise a group beyond the caller's access",
        allowed: FULL,
        input: (fx) => ({
          organizationId: fx.organizationId,
          groupId: fx.staffGroup,
          name: "Staff",
          memberIds: [fx.user1MemberId],
          collections: [
            { collectionId: fx.defaultCollection, level: "view" },
            { collectionId: fx.secretCollection, level: "manage" },
          ],
        }),
      },
      {
        label: "add a member of the provider to a group",
        allowed: ["owner", "admin", "custom_manageGroups"],
        input: (fx) => ({
          organizationId: fx.organizationId,
          groupId: fx.staffGroup,
          name: "Staff",
          memberIds: [fx.user1MemberId, fx.providerMemberAccepted.memberId],
          collections: [{ collectionId: fx.defaultCollection, level: "view" }],
        }),
      },
      {
        label: "change a group of another organization",
        allowed: [],
        input: (fx) => ({ organizationId: fx.foreignOrganization, groupId: fx.staffGroup, name: "Elsewhere" }),
      },
    ],
  },
  {
    name: "organization.collections.create",
    action: createCollectionAction,
    attempts: [
      {
        label: "create a collection giving a member of the provider access",
        allowed: ["owner", "admin", "custom_createNewCollections"],
        input: (fx) => ({
          organizationId: fx.organizationId,
          name: FAKE_ENC_2,
          members: [{ id: fx.providerMemberAccepted.memberId, level: "view" }],
        }),
      },
      { label: "create a collection in another organization", allowed: [], input: inForeign({ name: FAKE_ENC_2 }) },
    ],
  },
  {
    name: "organization.collections.update",
    action: updateCollectionAction,
    attempts: [
      {
        label: "give themselves Can manage on a collection beyond them",
        allowed: ["owner", "admin"],
        input: (fx, self) => ({
          organizationId: fx.organizationId,
          collectionId: fx.secretCollection,
          name: FAKE_ENC_2,
          members: [
            { id: fx.ownerMemberId, level: "manage" },
            ...(self.memberId === fx.ownerMemberId ? [] : [{ id: self.memberId, level: "manage" }]),
          ],
          groups: [{ id: fx.secretKeepersGroup, level: "manage" }],
        }),
      },
      {
        label: "give a group Can manage on a collection beyond the caller",
        allowed: FULL,
        input: (fx) => ({
          organizationId: fx.organizationId,
          collectionId: fx.secretCollection,
          name: FAKE_ENC_2,
          members: [{ id: fx.ownerMemberId, level: "manage" }],
          groups: [
            { id: fx.secretKeepersGroup, level: "manage" },
            { id: fx.staffGroup, level: "manage" },
          ],
        }),
      },
      {
        label: "raise a member beyond the caller's access",
        allowed: FULL,
        input: (fx) => ({
          organizationId: fx.organizationId,
          collectionId: fx.defaultCollection,
          name: FAKE_ENC_2,
          members: fx.defaultMembers.map((grant) =>
            grant.id === fx.user1MemberId ? { ...grant, level: "manage" } : grant,
          ),
          groups: [{ id: fx.staffGroup, level: "view" }],
        }),
      },
      {
        label: "give a member of the provider access",
        allowed: ["owner", "admin", "custom_editAnyCollection"],
        input: (fx) => ({
          organizationId: fx.organizationId,
          collectionId: fx.defaultCollection,
          name: FAKE_ENC_2,
          members: [...fx.defaultMembers, { id: fx.providerMemberAccepted.memberId, level: "view" }],
          groups: [{ id: fx.staffGroup, level: "view" }],
        }),
      },
      {
        label: "change a collection of another organization",
        allowed: [],
        input: (fx) => ({
          organizationId: fx.foreignOrganization,
          collectionId: fx.secretCollection,
          name: FAKE_ENC_2,
        }),
      },
    ],
  },
  // Putting an item in a collection shares it with everyone who reaches that collection.
  {
    name: "items.assignCollections",
    action: assignCollectionsAction,
    attempts: [
      {
        label: "put an item they edit in a collection beyond them",
        allowed: ITEM_HOLDERS,
        input: (fx) => ({ cipherId: fx.defaultItem, collectionIds: [fx.defaultCollection, fx.secretCollection] }),
      },
      {
        label: "put an item they only view in a collection they edit",
        allowed: ITEM_HOLDERS,
        input: (fx) => ({ cipherId: fx.viewOnlyItem, collectionIds: [fx.viewOnlyCollection, fx.defaultCollection] }),
      },
      {
        label: "put an item they do not reach in a collection they edit",
        allowed: ITEM_HOLDERS,
        input: (fx) => ({ cipherId: fx.secretItem, collectionIds: [fx.secretCollection, fx.defaultCollection] }),
      },
      {
        label: "put an item in another organization's collection",
        allowed: [],
        input: (fx) => ({ cipherId: fx.defaultItem, collectionIds: [fx.defaultCollection, fx.foreignCollection] }),
      },
    ],
  },
  {
    name: "items.addToCollections",
    action: addItemsToCollectionsAction,
    attempts: [
      {
        label: "add items they edit to a collection beyond them",
        allowed: ITEM_HOLDERS,
        input: (fx) => ({
          organizationId: fx.organizationId,
          cipherIds: [fx.defaultItem],
          collectionIds: [fx.secretCollection],
        }),
      },
      {
        label: "add an item they only view, among items they edit, to a collection they edit",
        allowed: ITEM_HOLDERS,
        input: (fx) => ({
          organizationId: fx.organizationId,
          cipherIds: [fx.defaultItem, fx.viewOnlyItem],
          collectionIds: [fx.defaultCollection],
        }),
      },
      {
        label: "add an item they do not reach to a collection they edit",
        allowed: ITEM_HOLDERS,
        input: (fx) => ({
          organizationId: fx.organizationId,
          cipherIds: [fx.secretItem],
          collectionIds: [fx.defaultCollection],
        }),
      },
      {
        label: "add items to another organization's collection",
        allowed: [],
        input: (fx) => ({
          organizationId: fx.foreignOrganization,
          cipherIds: [fx.defaultItem],
          collectionIds: [fx.foreignCollection],
        }),
      },
    ],
  },
  {
    name: "provider.members.invite",
    action: inviteProviderMembersAction,
    attempts: [
      {
        label: "invite themselves as provider admin",
        allowed: [],
        input: (fx, self) => ({ providerId: fx.demo.providerId, emails: self.email, type: "provider_admin" }),
      },
      {
        label: "invite into another provider",
        allowed: [],
        input: (fx) => ({ providerId: fx.otherProviderId, emails: fresh(), type: "provider_admin" }),
      },
    ],
  },
  {
    name: "provider.members.confirm",
    action: confirmProviderMembersAction,
    attempts: [
      {
        label: "confirm themselves",
        allowed: [],
        input: (fx, self) => ({
          providerId: fx.demo.providerId,
          confirmations: [{ id: ownProviderRow(fx, self), key: FAKE_ENC_4 }],
        }),
      },
      {
        label: "confirm in another provider",
        allowed: [],
        input: (fx) => ({
          providerId: fx.otherProviderId,
          confirmations: [{ id: fx.demo.providerUsers.tech, key: FAKE_ENC_4 }],
        }),
      },
    ],
  },
  {
    name: "provider.members.updateRole",
    action: updateProviderMemberAction,
    attempts: [
      {
        label: "make a service user a provider admin",
        allowed: ["provider_admin"],
        input: (fx) => ({
          providerId: fx.demo.providerId,
          memberId: fx.demo.providerUsers.tech,
          type: "provider_admin",
        }),
      },
      {
        label: "change their own provider role",
        allowed: [],
        input: (fx) => ({
          providerId: fx.demo.providerId,
          memberId: fx.demo.providerUsers.admin,
          type: "service_user",
        }),
      },
      {
        label: "change a role in another provider",
        allowed: [],
        input: (fx) => ({
          providerId: fx.otherProviderId,
          memberId: fx.demo.providerUsers.tech,
          type: "provider_admin",
        }),
      },
    ],
  },
  {
    // Issue 15: item access is the client's to give; provider members only ask, and nobody answers for themselves.
    name: "organization.providerAccess.request",
    action: requestProviderAccessAction,
    attempts: [
      {
        label: "ask the client for its items (a request, not a grant, under the default rule)",
        allowed: ["provider_admin", "service_user"],
        input: (fx) => providerAccessRequest(fx.organizationId),
      },
      {
        label: "ask another provider's client for its items",
        allowed: [],
        input: (fx) => providerAccessRequest(fx.foreignOrganization),
      },
    ],
  },
  {
    name: "organization.providerAccess.decide",
    action: decideProviderAccessAction,
    attempts: [
      {
        label: "approve the service user's request to view the items for an hour",
        allowed: ["owner", "admin"],
        input: (fx) => approval(fx, { access: "view", minutes: 60 }),
      },
      {
        label: "approve it for longer than asked",
        allowed: [],
        input: (fx) => approval(fx, { access: "view", minutes: 120 }),
      },
      {
        label: "approve edit where view was asked",
        allowed: [],
        input: (fx) => approval(fx, { access: "edit", minutes: 60 }),
      },
      {
        label: "approve it through another organization",
        allowed: [],
        input: (fx) => ({ ...approval(fx, { access: "view", minutes: 60 }), organizationId: fx.foreignOrganization }),
      },
    ],
  },
  {
    name: "organization.providerAccess.setRule",
    action: setProviderAccessRuleAction,
    attempts: [
      {
        label: "approve the service user's requests at once (named rule)",
        allowed: ["owner"],
        input: (fx) => ({
          organizationId: fx.organizationId,
          rule: "named",
          technicianIds: [fx.demo.providerUsers.tech],
        }),
      },
      {
        label: "approve them at once in another organization's rule",
        allowed: [],
        input: (fx) => ({
          organizationId: fx.foreignOrganization,
          rule: "named",
          technicianIds: [fx.demo.providerUsers.tech],
        }),
      },
    ],
  },
  {
    // Issue 15: a client's provider is its owners' choice; a provider member never moves a client, away or to
    // another provider of theirs, and a mistyped code moves nothing.
    name: "organization.clientMove.claim",
    action: claimMoveAction,
    attempts: [
      {
        label: "move the client to another provider with that provider's code",
        allowed: ["owner"],
        input: (fx) => ({ organizationId: fx.organizationId, ...fx.moveCode, transferKey: FAKE_ENC_2 }),
      },
      {
        label: "move another organization with the code",
        allowed: [],
        input: (fx) => ({ organizationId: fx.foreignOrganization, ...fx.moveCode, transferKey: FAKE_ENC_2 }),
      },
      {
        label: "move the client with a code whose secret part is wrong",
        allowed: [],
        input: (fx) => ({
          organizationId: fx.organizationId,
          moveId: fx.moveCode.moveId,
          verifier: Buffer.alloc(32, 7).toString("base64"),
          transferKey: FAKE_ENC_2,
        }),
      },
    ],
  },
  {
    name: "provider.clientMoves.complete",
    action: completeMoveAction,
    attempts: [
      {
        label: "complete another provider's incoming move",
        allowed: [],
        input: (fx) => ({ providerId: fx.otherProviderId, moveId: fx.claimedMoveId, key: FAKE_ENC_2 }),
      },
      {
        label: "take another provider's incoming move into Demo MSP",
        allowed: [],
        input: (fx) => ({ providerId: fx.demo.providerId, moveId: fx.claimedMoveId, key: FAKE_ENC_2 }),
      },
    ],
  },
  {
    name: "provider.members.clientAccess",
    action: updateClientAccessAction,
    attempts: [
      {
        label: "widen their own scope to every client",
        allowed: [],
        input: (fx, self) => clientAccess(fx.demo.providerId, ownProviderRow(fx, self), { allClients: true }),
      },
      {
        label: "add a client to their own scope",
        allowed: [],
        input: (fx, self) =>
          clientAccess(fx.demo.providerId, ownProviderRow(fx, self), {
            clientIds: [fx.organizationId, fx.demo.client2],
          }),
      },
      {
        label: "scope themselves into a client group",
        allowed: [],
        input: (fx, self) =>
          clientAccess(fx.demo.providerId, ownProviderRow(fx, self), { groupIds: [fx.clientGroupId] }),
      },
      {
        label: "give another service user every client",
        allowed: ["provider_admin"],
        input: (fx) => clientAccess(fx.demo.providerId, fx.demo.providerUsers.tech, { allClients: true }),
      },
      {
        label: "scope a member to an organization the provider does not manage",
        allowed: [],
        input: (fx) =>
          clientAccess(fx.demo.providerId, fx.demo.providerUsers.tech, { clientIds: [fx.foreignOrganization] }),
      },
      {
        label: "change a scope in another provider",
        allowed: [],
        input: (fx) => clientAccess(fx.otherProviderId, fx.demo.providerUsers.tech, { allClients: true }),
      },
    ],
  },
  {
    name: "provider.clientGroups.create",
    action: createClientGroupAction,
    attempts: [
      {
        label: "create a client group",
        allowed: ["provider_admin"],
        input: (fx) => ({ providerId: fx.demo.providerId, name: `Group ${fresh()}` }),
      },
      {
        label: "create a client group in another provider",
        allowed: [],
        input: (fx) => ({ providerId: fx.otherProviderId, name: `Group ${fresh()}` }),
      },
    ],
  },
  {
    name: "provider.clientGroups.rename",
    action: renameClientGroupAction,
    attempts: [
      {
        label: "rename a client group",
        allowed: ["provider_admin"],
        input: (fx) => ({ providerId: fx.demo.providerId, groupId: fx.clientGroupId, name: "Renamed" }),
      },
      {
        label: "rename a client group through another provider",
        allowed: [],
        input: (fx) => ({ providerId: fx.otherProviderId, groupId: fx.clientGroupId, name: "Renamed" }),
      },
    ],
  },
  {
    name: "provider.clientGroups.delete",
    action: deleteClientGroupAction,
    attempts: [
      {
        label: "delete a client group",
        allowed: ["provider_admin"],
        input: (fx) => ({ providerId: fx.demo.providerId, groupId: fx.clientGroupId }),
      },
      {
        label: "delete a client group through another provider",
        allowed: [],
        input: (fx) => ({ providerId: fx.otherProviderId, groupId: fx.clientGroupId }),
      },
    ],
  },
  {
    name: "provider.clientGroups.setClients",
    action: setClientGroupClientsAction,
    attempts: [
      {
        label: "tag their own client into a group (widening everyone scoped to it)",
        allowed: ["provider_admin"],
        input: (fx) => ({
          providerId: fx.demo.providerId,
          groupId: fx.clientGroupId,
          clientIds: [fx.demo.client2, fx.organizationId],
        }),
      },
      {
        label: "tag an organization the provider does not manage",
        allowed: [],
        input: (fx) => ({
          providerId: fx.demo.providerId,
          groupId: fx.clientGroupId,
          clientIds: [fx.foreignOrganization],
        }),
      },
      {
        label: "tag clients through another provider",
        allowed: [],
        input: (fx) => ({ providerId: fx.otherProviderId, groupId: fx.clientGroupId, clientIds: [] }),
      },
    ],
  },
  {
    name: "provider.apiKeys.create",
    action: createProviderApiKeyAction,
    attempts: [
      {
        label: "make an API key, which acts for every client of the provider",
        allowed: ["provider_admin"],
        input: (fx) => ({ providerId: fx.demo.providerId, name: `Key ${fresh()}`, access: "read" }),
      },
      {
        label: "make a read-write API key",
        allowed: ["provider_admin"],
        input: (fx) => ({ providerId: fx.demo.providerId, name: `Key ${fresh()}`, access: "write" }),
      },
      {
        label: "make an API key of another provider",
        allowed: [],
        input: (fx) => ({ providerId: fx.otherProviderId, name: `Key ${fresh()}`, access: "write" }),
      },
    ],
  },
  {
    name: "provider.clients.create",
    action: createClientAction,
    attempts: [
      {
        label: "create a client they own themselves",
        allowed: [],
        input: (fx, self) => newClient(fx.demo.providerId, self.email),
      },
      {
        label: "create a client owned by a member of the provider",
        allowed: [],
        input: (fx) => newClient(fx.demo.providerId, fx.providerMemberElsewhere),
      },
      {
        label: "create a client of another provider",
        allowed: [],
        input: (fx) => newClient(fx.otherProviderId, fresh()),
      },
    ],
  },
  {
    name: "provider.clients.addExisting",
    action: addExistingClientAction,
    attempts: [
      {
        label: "add the provider's internal organization",
        allowed: [],
        input: (fx) => ({ providerId: fx.demo.providerId, organizationId: fx.demo.internal, key: FAKE_ENC_2 }),
      },
      {
        label: "add an organization they do not own",
        allowed: [],
        input: (fx) => ({ providerId: fx.demo.providerId, organizationId: fx.foreignOrganization, key: FAKE_ENC_2 }),
      },
      {
        label: "add an organization to another provider",
        allowed: [],
        input: (fx) => ({ providerId: fx.otherProviderId, organizationId: fx.demo.internal, key: FAKE_ENC_2 }),
      },
    ],
  },
  {
    name: "membership.accept",
    action: acceptInvitation,
    attempts: [
      {
        label: "accept someone else's invitation to the organization",
        allowed: [],
        input: (fx) => ({ kind: "organization", token: fx.organizationInvitationToken }),
      },
      {
        label: "accept someone else's invitation to the provider",
        allowed: [],
        input: (fx) => ({ kind: "provider", token: fx.providerInvitationToken }),
      },
    ],
  },
  {
    name: "provider.setup",
    action: setUpProvider,
    attempts: [
      {
        label: "set up a provider from someone else's link",
        allowed: [],
        input: (fx) => ({ token: fx.setupToken, name: "Taken", billingEmail: "taken@test.example", key: FAKE_ENC_4 }),
      },
    ],
  },
  {
    name: "operator.provider.create",
    action: createProvider,
    attempts: [
      {
        label: "create a provider they own",
        allowed: [],
        input: (_fx, self) => ({ name: "Own MSP", ownerEmail: self.email, teamsMinimum: 0, enterpriseMinimum: 0 }),
      },
    ],
  },
  {
    name: "operator.providerRequest.approve",
    action: approveProviderRequestAction,
    attempts: [
      {
        label: "approve a request to become a provider",
        allowed: [],
        input: (fx) => ({ requestId: fx.providerRequestId }),
      },
    ],
  },
  {
    name: "provider.key.create",
    action: createProviderKeyAction,
    attempts: [
      {
        label: "replace the key of a provider that has one",
        allowed: [],
        input: (fx) => ({ providerId: fx.demo.providerId, key: FAKE_ENC_4 }),
      },
      {
        label: "make the key of someone else's approved provider",
        allowed: [],
        input: (fx) => ({ providerId: fx.keylessProviderId, key: FAKE_ENC_4 }),
      },
    ],
  },
];

/** The caller's own row in Demo MSP (the service user's for everyone who has none). */
function providerAccessRequest(organizationId: string) {
  return { organizationId, collectionId: null, reason: "Escalation matrix", access: "edit", minutes: 10080 };
}

function approval(fx: EscalationFixture, grant: { access: "view" | "edit"; minutes: number }) {
  return { organizationId: fx.organizationId, requestId: fx.accessRequestId, decision: "approve", ...grant };
}

function ownProviderRow(fx: EscalationFixture, self: Self): string {
  return self.userId === fx.demo.users.admin ? fx.demo.providerUsers.admin : fx.demo.providerUsers.tech;
}

function clientAccess(
  providerId: string,
  memberId: string,
  access: { allClients?: boolean; clientIds?: string[]; groupIds?: string[] },
) {
  return { providerId, memberId, allClients: false, clientIds: [], groupIds: [], ...access };
}

function newClient(providerId: string, ownerEmail: string) {
  return {
    providerId,
    name: "Escalated Client",
    ownerEmail,
    planType: "enterprise_monthly",
    seats: 1,
    publicKey: FAKE_PUBLIC_KEY,
    privateKey: FAKE_ENC_2,
    collectionName: FAKE_ENC_2,
    key: FAKE_ENC_2,
  };
}
