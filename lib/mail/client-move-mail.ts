import "server-only";
import { type RenderedMail, renderMail } from "./templates";

/** The mails of a client's move to another provider (issue 15). */

/** To the new provider's admins: a client's owner entered their code; an admin completes the move. */
export function moveCodeEnteredMail(move: { organization: string; provider: string }, url: string): RenderedMail {
  return renderMail({
    subject: `${move.organization} entered ${move.provider}'s move code`,
    heading: `${move.organization} is ready to move to ${move.provider}`,
    paragraphs: [
      `The owner of ${move.organization} entered a move code of ${move.provider}. An admin of ${move.provider} completes the move from the Provider Portal's Clients page; their browser hands the organization's key to the provider.`,
    ],
    action: { label: "Complete the move", url },
  });
}

/** To the old provider's admins: their client is leaving; they cannot stop it. */
export function moveAnnouncedMail(
  move: { organization: string; from: string; to: string; completableAt: string },
  url: string,
): RenderedMail {
  return renderMail({
    subject: `${move.organization} is moving to another provider`,
    heading: `${move.organization} is leaving ${move.from}`,
    paragraphs: [
      `The owner of ${move.organization} started moving it to ${move.to}. The move can complete from ${move.completableAt}; from then on, members of ${move.from} no longer reach it.`,
      "An organization's owner chooses its provider, so the move does not need your approval.",
    ],
    action: { label: "Open your clients", url },
  });
}

/** To the old provider's admins and the client's owners: the move is done. */
export function moveCompletedMail(move: { organization: string; to: string }, url: string): RenderedMail {
  return renderMail({
    subject: `${move.organization} moved to ${move.to}`,
    heading: `${move.to} now manages ${move.organization}`,
    paragraphs: [
      `${move.organization} moved to ${move.to}. Its members, collections and items stay as they were; its seats are now on ${move.to}'s bill, and only ${move.to}'s members reach it as a provider.`,
    ],
    action: { label: "Open Keyhouse", url },
  });
}

/** To every confirmed owner of the client: one of them entered a move code; any of them may still cancel it. */
export function moveStartedMail(
  move: { organization: string; to: string; from: string | null; by: string; completableAt: string },
  url: string,
): RenderedMail {
  return renderMail({
    subject: `${move.organization} is moving to ${move.to}`,
    heading: `${move.organization} is moving to ${move.to}`,
    paragraphs: [
      `${move.by} entered a move code of ${move.to} for ${move.organization}. ${move.to} can complete the move from ${move.completableAt}; from then on ${move.to} manages ${move.organization}${move.from ? ` and ${move.from} no longer reaches it` : ""}.`,
      "If you did not expect this, cancel the move in the Admin Console under Settings → Provider before it completes.",
    ],
    action: { label: "Review the move", url },
  });
}

/** To the sides that knew of a move (the new provider, and once the code was entered, the client and its provider). */
export function moveCancelledMail(move: { organization: string; to: string }, url: string): RenderedMail {
  return renderMail({
    subject: `The move of ${move.organization} to ${move.to} was cancelled`,
    heading: `${move.organization} is not moving to ${move.to}`,
    paragraphs: [
      `The move of ${move.organization} to ${move.to} was cancelled. Nothing changed: it stays with its provider, and moving later needs a new code.`,
    ],
    action: { label: "Open Keyhouse", url },
  });
}
