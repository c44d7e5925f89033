import "server-only";
import { appUrl } from "@/lib/server/config";
import { approvePendingRequest, rejectPendingRequest } from "@/lib/dal/provider-requests";
import { renderMail } from "@/lib/mail/templates";
import type { OperatorContext } from "./providers";

/**
 * Operator work on "Become a provider" requests, shared by /admin and `npm run admin`: the decision, its event and
 * the requester's mail commit together in the caller's transaction.
 */

export async function approveProviderRequest({ tx, record, mail }: OperatorContext, requestId: string) {
  const approved = await approvePendingRequest(tx, requestId);
  await record({
    type: "provider_request_approved",
    providerId: approved.providerId,
    organizationId: approved.organization.id,
    userId: approved.requesterId,
    providerUserId: approved.providerUserId,
    details: { requestId, businessName: approved.businessName, type: approved.type },
  });
  await mail({
    to: approved.requesterEmail,
    ...renderMail({
      subject: `${approved.businessName} is now a provider on Keyhouse`,
      heading: "Your request to become a provider is approved",
      paragraphs: [
        `A Keyhouse operator approved ${approved.businessName} as a provider, with ${approved.organization.name} as its internal organization. You are its first provider admin.`,
        "Open the Provider Portal to finish: your browser creates the provider's encryption key, and then you can add your first client.",
      ],
      action: { label: "Open the Provider Portal", url: appUrl(`/providers/${approved.providerId}`) },
    }),
  });
  return approved;
}

export async function rejectProviderRequest({ tx, record, mail }: OperatorContext, requestId: string, reason: string) {
  const rejected = await rejectPendingRequest(tx, requestId, reason);
  await record({
    type: "provider_request_rejected",
    organizationId: rejected.internalOrganizationId,
    userId: rejected.requesterId,
    details: { requestId, businessName: rejected.businessName, reason },
  });
  await mail({
    to: rejected.requesterEmail,
    ...renderMail({
      subject: `Your request to make ${rejected.businessName} a provider`,
      heading: "Your request to become a provider was not approved",
      paragraphs: [
        `A Keyhouse operator did not approve ${rejected.businessName} as a provider. Their reason:`,
        reason,
        "You can send a new request from the same page.",
      ],
      action: { label: "Become a provider", url: appUrl("/become-a-provider") },
    }),
  });
  return rejected;
}
