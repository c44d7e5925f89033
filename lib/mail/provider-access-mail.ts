import "server-only";
import { type RenderedMail, renderMail } from "./templates";

/** The mails of a provider member's request to read a client's items (issue 15). */

type Request = {
  organization: string;
  provider: string;
  requester: string;
  reason: string;
  /** "all collections" or "one collection" (the server cannot read a collection's name). */
  what: string;
  access: string;
  duration: string;
};

/** To the client's owners and admins: someone at their provider asks to read their items. */
export function accessRequestedMail(request: Request, reviewUrl: string): RenderedMail {
  return renderMail({
    subject: `${request.provider} asks to read items of ${request.organization}`,
    heading: `Your provider asks for access to ${request.organization}'s items`,
    paragraphs: [
      `${request.requester}, of your provider ${request.provider}, asks for ${request.access.toLowerCase()} access to ${request.what} for ${request.duration}.`,
      `Their reason: "${request.reason}"`,
      "Nothing is shared until an owner or admin approves. You can approve for less time, or view only, or deny. Every view, copy and change they make is in your event log, and you can end the access at any time.",
    ],
    action: { label: "Review the request", url: reviewUrl },
  });
}

/** To the client's owners and admins: their standing rule approved a named technician at once. */
export function accessApprovedByRuleMail(request: Request, reviewUrl: string): RenderedMail {
  return renderMail({
    subject: `${request.requester} of ${request.provider} now reads items of ${request.organization}`,
    heading: `Your rule approved a request from ${request.provider}`,
    paragraphs: [
      `${request.requester} is one of the technicians your rule approves at once. They have ${request.access.toLowerCase()} access to ${request.what} for ${request.duration}.`,
      `Their reason: "${request.reason}"`,
      "You can end the access at any time, and change the rule in Settings.",
    ],
    action: { label: "See provider access", url: reviewUrl },
  });
}

/** To the provider member: the client answered. */
export function accessAnsweredMail(
  answer: { organization: string; approved: boolean; access?: string; until?: string },
  openUrl: string,
): RenderedMail {
  return renderMail({
    subject: answer.approved
      ? `${answer.organization} approved your access to its items`
      : `${answer.organization} denied your access to its items`,
    heading: answer.approved ? "Your request was approved" : "Your request was denied",
    paragraphs: answer.approved
      ? [
          `${answer.organization} gave you ${answer.access?.toLowerCase()} access to its items until ${answer.until}. They appear in your vault while it lasts.`,
        ]
      : [`${answer.organization} did not approve your request. Talk to its owners if you still need access.`],
    action: { label: answer.approved ? "Open your vault" : "See your requests", url: openUrl },
  });
}

/** To the provider member: the client ended their access early. */
export function accessEndedMail(organization: string, openUrl: string): RenderedMail {
  return renderMail({
    subject: `${organization} ended your access to its items`,
    heading: "Your access ended",
    paragraphs: [`An owner or admin of ${organization} ended your access to its items before it expired.`],
    action: { label: "See your requests", url: openUrl },
  });
}

/** To each technician whose waiting request or access in force ended because the owner chose "never". */
export function accessNeverAllowedMail(organization: string, openUrl: string): RenderedMail {
  return renderMail({
    subject: `${organization} no longer lets its provider read its items`,
    heading: "Provider access turned off",
    paragraphs: [
      `An owner of ${organization} chose never to let its provider read its items. Your waiting requests were withdrawn and any access you had ended.`,
    ],
    action: { label: "See your requests", url: openUrl },
  });
}
