"use server";

import { defineAction } from "@/lib/authz/action";
import { org } from "@/lib/authz/scope-rules";
import {
  decideProviderAccess,
  deciderEmails,
  endAllProviderAccess,
  endProviderAccess,
  requestProviderAccess,
  setProviderAccessRule,
} from "@/lib/dal/provider-access";
import {
  accessAnsweredMail,
  accessApprovedByRuleMail,
  accessEndedMail,
  accessNeverAllowedMail,
  accessRequestedMail,
} from "@/lib/mail/provider-access-mail";
import { appUrl } from "@/lib/server/config";
import { ACCESS_LABELS, formatDuration } from "@/components/provider-access/format";
import {
  decideProviderAccessSchema,
  providerAccessRequestRefSchema,
  requestProviderAccessSchema,
  setProviderAccessRuleSchema,
} from "@/lib/validation/provider-access";

/**
 * Client-approved, time-boxed access to a client's items (issue 15). Provider members ask; the client's owners and
 * admins (never the asker) answer; either side ends it; the owner sets the standing rule. Each is an event in the
 * client's log, and each answer a mail to the other side.
 */

const utc = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The console page where each side follows the organization's requests. */
function accessPageUrl(organizationId: string): string {
  return appUrl(`/organizations/${organizationId}/provider-access`);
}

function untilText(expiresAt: Date | null): string {
  return expiresAt ? `${utc.format(expiresAt)} UTC` : "";
}

const ONE_PENDING = {
  provider_access_requests_one_pending: {
    message: "You already have a request waiting for this organization's answer.",
  },
};

export const requestProviderAccessAction = defineAction({
  name: "organization.providerAccess.request",
  input: requestProviderAccessSchema,
  scope: org("org.provider_access.request"),
  async run({ input, scope, tx, record, mail, user }) {
    const requested = await requestProviderAccess(tx, scope, input);
    const details = {
      requestId: requested.id,
      access: input.access,
      minutes: input.minutes,
      collectionId: input.collectionId,
    };
    await record({ type: "provider_access_requested", details });
    if (requested.autoApproved)
      await record({ type: "provider_access_approved", details: { ...details, approvedBy: "standing rule" } });
    const reviewUrl = accessPageUrl(scope.organizationId);
    const content = {
      organization: requested.organizationName,
      provider: requested.providerName,
      requester: user?.email ?? "A provider member",
      reason: input.reason,
      what: input.collectionId ? "one collection" : "all collections",
      access: ACCESS_LABELS[input.access],
      duration: formatDuration(input.minutes),
    };
    for (const to of await deciderEmails(tx, scope))
      await mail({
        to,
        ...(requested.autoApproved
          ? accessApprovedByRuleMail(content, reviewUrl)
          : accessRequestedMail(content, reviewUrl)),
      });
    return { requestId: requested.id, approved: requested.autoApproved };
  },
  constraints: ONE_PENDING,
});

export const decideProviderAccessAction = defineAction({
  name: "organization.providerAccess.decide",
  input: decideProviderAccessSchema,
  scope: org("org.provider_access.decide"),
  async run({ input, scope, tx, record, mail }) {
    const decided = await decideProviderAccess(tx, scope, input);
    await record({
      type: input.decision === "approve" ? "provider_access_approved" : "provider_access_denied",
      details: {
        requestId: input.requestId,
        requester: decided.requesterEmail,
        access: decided.access,
        minutes: decided.minutes,
      },
    });
    await mail({
      to: decided.requesterEmail,
      ...accessAnsweredMail(
        {
          organization: decided.organizationName,
          approved: input.decision === "approve",
          access: decided.access ? ACCESS_LABELS[decided.access] : undefined,
          until: untilText(decided.expiresAt),
        },
        input.decision === "approve" ? appUrl("/vault") : accessPageUrl(scope.organizationId),
      ),
    });
    return {};
  },
});

export const endProviderAccessAction = defineAction({
  name: "organization.providerAccess.end",
  input: providerAccessRequestRefSchema,
  scope: org("org.provider_access.view"),
  async run({ input, scope, tx, record, mail }) {
    const ended = await endProviderAccess(tx, scope, input.requestId);
    await record({
      type: "provider_access_ended",
      details: { requestId: input.requestId, requester: ended.requesterEmail, withdrawn: ended.wasPending },
    });
    if (scope.access.via === "member")
      await mail({
        to: ended.requesterEmail,
        ...accessEndedMail(ended.organizationName, accessPageUrl(scope.organizationId)),
      });
    return {};
  },
});

export const setProviderAccessRuleAction = defineAction({
  name: "organization.providerAccess.setRule",
  input: setProviderAccessRuleSchema,
  scope: org("org.provider_access.rule"),
  async run({ input, scope, tx, record, mail }) {
    const result = await setProviderAccessRule(tx, scope, input.rule, input.technicianIds);
    await record({ type: "provider_access_rule_updated", details: result });
    // "Never" means from now: what waits is withdrawn and what is in force ends, each an event; each technician
    // concerned gets one mail.
    const ended = input.rule === "never" ? await endAllProviderAccess(tx, scope) : [];
    for (const request of ended)
      await record({
        type: "provider_access_ended",
        details: {
          requestId: request.requestId,
          requester: request.requesterEmail,
          withdrawn: request.wasPending,
          by: "standing rule",
        },
      });
    for (const to of new Set(ended.map((request) => request.requesterEmail)))
      await mail({ to, ...accessNeverAllowedMail(ended[0]!.organizationName, accessPageUrl(scope.organizationId)) });
    return {};
  },
});
