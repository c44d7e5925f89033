"use server";

import { defineAction } from "@/lib/authz/action";
import { org } from "@/lib/authz/scope-rules";
import { cancelMoveAsOwner, claimMove, providerAdminEmails } from "@/lib/dal/client-moves";
import { moveAnnouncedMail, moveCodeEnteredMail } from "@/lib/mail/client-move-mail";
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
  async run({ input, scope, tx, record, mail }) {
    const claimed = await claimMove(tx, scope, input);
    const details = { moveId: claimed.moveId, to: claimed.toProviderName };
    await record({ type: "client_move_started", details });
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
              completableAt: `${utc.format(new Date(claimed.completableAt))} UTC`,
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
  async run({ input, scope, tx, record }) {
    const cancelled = await cancelMoveAsOwner(tx, scope, input.moveId);
    await record({ type: "client_move_cancelled", details: { moveId: input.moveId } });
    await record({
      type: "client_move_cancelled",
      actingUserId: null,
      providerId: cancelled.toProviderId,
      details: { moveId: input.moveId },
    });
    return {};
  },
});
