"use server";

import { defineAction } from "@/lib/authz/action";
import { provider } from "@/lib/authz/scope-rules";
import {
  cancelMoveAsProvider,
  completeMove,
  issueMoveCode,
  moveCancelledRecipients,
  organizationOwnerEmails,
  providerAdminEmails,
} from "@/lib/dal/client-moves";
import { queueProviderWebhook } from "@/lib/dal/provider-webhooks";
import { moveCancelledMail, moveCompletedMail } from "@/lib/mail/client-move-mail";
import { appUrl } from "@/lib/server/config";
import { completeMoveSchema, issueMoveCodeSchema, providerMoveRefSchema } from "@/lib/validation/client-moves";

/**
 * The new provider's side of a client's move (issue 15): issue a code, complete the move its owner started, or
 * cancel. Completing is the one place the old provider loses the client, in the same transaction as the new link.
 */

export const issueMoveCodeAction = defineAction({
  name: "provider.clientMoves.issue",
  input: issueMoveCodeSchema,
  scope: provider("provider.clients.move_in"),
  async run({ input, scope, tx, record }) {
    const issued = await issueMoveCode(tx, scope, input);
    await record({ type: "client_move_code_issued", details: { moveId: issued.moveId } });
    return issued;
  },
});

export const completeMoveAction = defineAction({
  name: "provider.clientMoves.complete",
  input: completeMoveSchema,
  scope: provider("provider.clients.move_in"),
  async run({ input, scope, tx, record, mail }) {
    const moved = await completeMove(tx, scope, input);
    const details = { moveId: input.moveId, name: moved.organizationName };
    await record({
      type: "client_move_completed",
      organizationId: moved.organizationId,
      providerOrganizationId: moved.providerOrganizationId,
      details,
    });
    await queueProviderWebhook(tx, scope, "client.created", {
      clientId: moved.organizationId,
      name: moved.organizationName,
      movedIn: true,
    });
    if (moved.fromProviderId)
      await record({
        type: "client_moved_away",
        actingUserId: null,
        providerId: moved.fromProviderId,
        organizationId: moved.organizationId,
        details: { ...details, to: scope.provider.name },
      });
    const told = [
      ...(moved.fromProviderId ? await providerAdminEmails(tx, moved.fromProviderId) : []),
      ...(await organizationOwnerEmails(tx, moved.organizationId)),
    ];
    for (const to of new Set(told))
      await mail({
        to,
        ...moveCompletedMail({ organization: moved.organizationName, to: scope.provider.name }, appUrl("/")),
      });
    return { organizationId: moved.organizationId };
  },
  constraints: {
    provider_organizations_one_provider: { message: "This organization already has a provider." },
  },
});

export const cancelMoveAsProviderAction = defineAction({
  name: "provider.clientMoves.cancel",
  input: providerMoveRefSchema,
  scope: provider("provider.clients.move_in"),
  async run({ input, scope, tx, record, mail }) {
    const cancelled = await cancelMoveAsProvider(tx, scope, input.moveId);
    const details = { moveId: input.moveId, to: cancelled.toProviderName };
    await record({ type: "client_move_cancelled", organizationId: cancelled.organizationId, details });
    if (!cancelled.wasClaimed) return {};
    // The code was entered: the client and its provider were told of the move, so they hear it is off.
    if (cancelled.fromProviderId)
      await record({
        type: "client_move_cancelled",
        actingUserId: null,
        providerId: cancelled.fromProviderId,
        organizationId: cancelled.organizationId,
        details,
      });
    const message = moveCancelledMail(
      { organization: cancelled.organizationName ?? "An organization", to: cancelled.toProviderName },
      appUrl("/"),
    );
    for (const to of await moveCancelledRecipients(tx, cancelled)) await mail({ to, ...message });
    return {};
  },
});
