"use server";

import { defineAction } from "@/lib/authz/action";
import { user } from "@/lib/authz/scope-rules";
import { appUrl, operatorEmails } from "@/lib/server/config";
import { insertProviderRequest, withdrawProviderRequest } from "@/lib/dal/provider-requests";
import { renderMail } from "@/lib/mail/templates";
import { providerRequestIdSchema, providerRequestSchema } from "@/lib/validation/provider-requests";

/** "Become a provider": an owner of an Enterprise organization asks the operators to make their business a provider. */
export const requestToBecomeProvider = defineAction({
  name: "provider.request.submit",
  input: providerRequestSchema,
  scope: user(),
  async run({ input, scope, tx, record, mail }) {
    const { requestId, organization } = await insertProviderRequest(tx, scope, input);
    await record({
      type: "provider_request_submitted",
      organizationId: organization.id,
      details: { requestId, businessName: input.businessName, type: input.type },
    });
    for (const operator of operatorEmails()) {
      await mail({
        to: operator,
        ...renderMail({
          subject: `${input.businessName} asks to become a provider`,
          heading: "A request to become a provider is waiting",
          paragraphs: [
            `${scope.name} (${scope.email}) asks to make ${input.businessName} a provider, with ${organization.name} as its internal organization.`,
          ],
          action: { label: "Review provider requests", url: appUrl("/admin/requests") },
        }),
      });
    }
    return { requestId };
  },
  constraints: {
    provider_requests_one_pending_per_requester: { message: "You already have a request waiting for review." },
    provider_requests_one_pending_per_organization: {
      field: "internalOrganizationId",
      message: "A request naming this organization is already waiting for review.",
    },
  },
});

export const withdrawProviderRequestAction = defineAction({
  name: "provider.request.withdraw",
  input: providerRequestIdSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const request = await withdrawProviderRequest(tx, scope, input.requestId);
    await record({
      type: "provider_request_withdrawn",
      organizationId: request.organizationId,
      details: { requestId: request.id },
    });
    return {};
  },
});
