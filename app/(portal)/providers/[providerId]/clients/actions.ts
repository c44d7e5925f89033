"use server";

import { defineAction } from "@/lib/authz/action";
import { provider } from "@/lib/authz/scope-rules";
import { appUrl } from "@/lib/server/config";
import {
  addExistingClient,
  createClient,
  findClientLink,
  INTERNAL_ORGANIZATION_REFUSAL,
  listAddableOrganizations,
  unlinkClient,
  updateClient,
} from "@/lib/dal/clients";
import { currentApiKey } from "@/lib/auth/session";
import { discardPendingClient, markPendingClientSetUp, requestPendingClient } from "@/lib/dal/pending-clients";
import { queueProviderWebhook } from "@/lib/dal/provider-webhooks";
import { invitationMail } from "@/lib/mail/membership-mail";
import {
  addExistingClientSchema,
  clientRefSchema,
  createClientSchema,
  pendingClientRefSchema,
  providerRefSchema,
  requestClientActionSchema,
  updateClientSchema,
} from "@/lib/validation/clients";

export const createClientAction = defineAction({
  name: "provider.clients.create",
  input: createClientSchema,
  scope: provider("provider.clients.create"),
  async run({ input, scope, tx, record, mail }) {
    const created = await createClient(tx, scope, input);
    if (input.pendingClientId) await markPendingClientSetUp(tx, scope, input.pendingClientId, created.organizationId);
    await record({
      type: "provider_organization_created",
      organizationId: created.organizationId,
      providerOrganizationId: created.providerOrganizationId,
      details: { name: input.name, seats: input.seats, plan: input.planType },
    });
    await record({
      type: "organization_user_invited",
      organizationId: created.organizationId,
      organizationUserId: created.ownerId,
      details: { role: "owner" },
    });
    await queueProviderWebhook(tx, scope, "client.created", {
      clientId: created.organizationId,
      name: input.name,
      plan: input.planType,
      seats: input.seats,
      pendingClientId: input.pendingClientId ?? null,
    });
    const acceptUrl = appUrl(`/accept/organization?token=${encodeURIComponent(created.token)}`);
    await mail({
      to: input.ownerEmail,
      ...invitationMail(
        { kind: "organization", name: input.name, provider: scope.provider.name },
        "its owner",
        acceptUrl,
        scope.provider.name,
      ),
    });
    return { organizationId: created.organizationId };
  },
});

/**
 * A client asked for without its keys (the provider API's create): it waits on the Clients page until a provider
 * member's browser sets it up with createClientAction, which sends the owner's invitation.
 */
export const requestClientAction = defineAction({
  name: "provider.clients.request",
  input: requestClientActionSchema,
  scope: provider("provider.clients.create"),
  async run({ input, scope, tx, record }) {
    const { providerId: _provider, ...details } = input;
    const pending = await requestPendingClient(tx, scope, details, currentApiKey()?.apiKeyId ?? null);
    await record({
      type: "provider_client_requested",
      details: { pendingClientId: pending.id, name: input.name, seats: input.seats, plan: input.planType },
    });
    return { pending };
  },
});

export const discardPendingClientAction = defineAction({
  name: "provider.clients.discardRequest",
  input: pendingClientRefSchema,
  scope: provider("provider.clients.create"),
  async run({ input, scope, tx, record }) {
    const discarded = await discardPendingClient(tx, scope, input.pendingClientId);
    await record({
      type: "provider_client_request_discarded",
      details: { pendingClientId: discarded.id, name: discarded.name },
    });
    return { name: discarded.name };
  },
});

/**
 * The organizations the caller owns that could become clients: read when the "Add existing organization" dialog
 * opens, not on every view of the clients page.
 */
export const listAddableOrganizationsAction = defineAction({
  name: "provider.clients.listAddable",
  input: providerRefSchema,
  scope: provider("provider.clients.add_existing"),
  reads: true,
  async run({ scope, tx }) {
    return { organizations: await listAddableOrganizations(tx, scope) };
  },
});

export const addExistingClientAction = defineAction({
  name: "provider.clients.addExisting",
  input: addExistingClientSchema,
  scope: provider("provider.clients.add_existing"),
  async run({ input, scope, tx, record }) {
    const added = await addExistingClient(tx, scope, input.organizationId, input.key);
    await record({
      type: "provider_organization_added",
      organizationId: input.organizationId,
      providerOrganizationId: added.providerOrganizationId,
    });
    await queueProviderWebhook(tx, scope, "client.created", { clientId: input.organizationId, added: true });
    return { organizationId: input.organizationId };
  },
  constraints: {
    provider_organizations_one_provider: { message: "This organization already has a provider." },
    provider_organizations_not_internal: { message: INTERNAL_ORGANIZATION_REFUSAL },
  },
});

export const updateClientAction = defineAction({
  name: "provider.clients.update",
  input: updateClientSchema,
  scope: provider("provider.clients.update"),
  async run({ input, scope, tx, record }) {
    const { before, after, providerOrganizationId } = await updateClient(tx, scope, input.organizationId, input);
    await record({
      type: "provider_organization_updated",
      organizationId: input.organizationId,
      providerOrganizationId,
      details: { seatsBefore: before.seats, seats: after.seats, renamed: before.name !== after.name },
    });
    if (before.seats !== after.seats)
      await queueProviderWebhook(tx, scope, "client.seats_changed", {
        clientId: input.organizationId,
        name: after.name,
        seatsBefore: before.seats,
        seats: after.seats,
      });
    return {};
  },
  constraints: {
    organizations_seats_not_below_used: {
      field: "seats",
      message: "Assigned seats cannot be fewer than the seats in use.",
    },
  },
});

export const unlinkClientAction = defineAction({
  name: "provider.clients.unlink",
  input: clientRefSchema,
  scope: provider("provider.clients.unlink"),
  async run({ input, scope, tx, record }) {
    const client = await unlinkClient(tx, scope, input.organizationId);
    await record({
      type: "provider_organization_removed",
      organizationId: input.organizationId,
      providerOrganizationId: client.providerOrganizationId,
      details: { name: client.name },
    });
    return {};
  },
});

/** Opening a client's Admin Console is logged (Bitwarden's "accessed client vault"), then the browser goes there. */
export const openClientConsoleAction = defineAction({
  name: "provider.clients.open",
  input: clientRefSchema,
  scope: provider("provider.clients.view"),
  async run({ input, scope, tx, record }) {
    const link = await findClientLink(tx, scope, input.organizationId);
    await record({
      type: "provider_organization_vault_accessed",
      organizationId: input.organizationId,
      providerOrganizationId: link.id,
    });
    return { href: `/organizations/${input.organizationId}` };
  },
});
