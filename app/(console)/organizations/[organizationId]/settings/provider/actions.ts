"use server";

import { defineAction } from "@/lib/authz/action";
import { org } from "@/lib/authz/scope-rules";
import {
  cancelMoveAsOwner,
  claimMove,
  moveCancelledRecipients,
  organizationOwnerEmails,
  providerAdminEmails,
} from "@/lib/dal/client-moves";
import {
  moveAnnouncedMail,
  moveCancelledMail,
  moveCodeEnteredMail,
  moveStartedMail,
} from "@/lib/mail/client-move-mail";
import { appUrl } from "@/lib/server/config";
import { claimMoveSchema, organizationMoveRefSchema } from "@/lib/validation/client-moves";

/**
 * The client's side of a move to another provider (issue 15): its owner enters the new provider's code, or cancels
 * the move before the new provider completes it. Both providers hear of it, in their logs and by mail.
 */

const utc = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export const claimMoveAction = defineAction({
  name: "organization.clientMove.claim",
  input: claimMoveSchema,
  scope: org("org.provider.move"),
  async run({ input, scope, tx, record, mail, user }) {
    const claimed = await claimMove(tx, scope, input);
    const details = { moveId: claimed.moveId, to: claimed.toProviderName };
    const completableAt = `${utc.format(new Date(claimed.completableAt))} UTC`;
    await record({ type: "client_move_started", details });
    // Every owner hears of it, not only the one who entered the code: another owner may not have wanted it.
    for (const to of await organizationOwnerEmails(tx, scope.organizationId))
      await mail({
        to,
        ...moveStartedMail(
          {
            organization: claimed.organizationName,
            to: claimed.toProviderName,
            from: claimed.fromProviderName,
            by: user?.email ?? "An owner",
            completableAt,
          },
          appUrl(`/organizations/${scope.organizationId}/settings/provider`),
        ),
      });
    await record({
      type: "client_move_code_entered",
      actingUserId: null,
      providerId: claimed.toProviderId,
      details,
    });
    for (const to of await providerAdminEmails(tx, claimed.toProviderId))
      await mail({
        to,
        ...moveCodeEnteredMail(
          { organization: claimed.organizationName, provider: claimed.toProviderName },
          appUrl(`/providers/${claimed.toProviderId}/clients`),
        ),
      });
    if (claimed.fromProviderId) {
      await record({ type: "client_move_announced", actingUserId: null, providerId: claimed.fromProviderId, details });
      for (const to of await providerAdminEmails(tx, claimed.fromProviderId))
        await mail({
          to,
          ...moveAnnouncedMail(
            {
              organization: claimed.organizationName,
              from: claimed.fromProviderName ?? "your provider",
              to: claimed.toProviderName,
              completableAt,
            },
            appUrl(`/providers/${claimed.fromProviderId}/clients`),
          ),
        });
    }
    return { toProviderName: claimed.toProviderName };
  },
  constraints: {
    client_moves_one_claimed: { message: "A move of this organization is already under way. Cancel it first." },
    client_moves_not_to_itself: { message: "That provider already manages this organization." },
  },
});

export const cancelMoveAsOwnerAction = defineAction({
  name: "organization.clientMove.cancel",
  input: organizationMoveRefSchema,
  scope: org("org.provider.move"),
  async run({ input, scope, tx, record, mail }) {
    const cancelled = await cancelMoveAsOwner(tx, scope, input.moveId);
    const details = { moveId: input.moveId, to: cancelled.toProviderName };
    await record({ type: "client_move_cancelled", details });
    for (const providerId of [cancelled.toProviderId, cancelled.fromProviderId])
      if (providerId) await record({ type: "client_move_cancelled", actingUserId: null, providerId, details });
    const message = moveCancelledMail(
      { organization: cancelled.organizationName ?? "An organization", to: cancelled.toProviderName },
      appUrl("/"),
    );
    for (const to of await moveCancelledRecipients(tx, cancelled)) await mail({ to, ...message });
    return {};
  },
});
