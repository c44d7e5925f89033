import "server-only";
import { insertEvent } from "@/lib/dal/events";
import { addRevisionTargets, bumpRevisions, emptyRevisionTargets } from "@/lib/dal/revisions";
import type { Executor } from "@/lib/dal/transaction";
import { OPERATOR_DEVICE } from "@/lib/events/rows";
import { enqueueMail } from "@/lib/dal/mail-outbox";
import type { OperatorContext } from "./providers";

/**
 * The operator context for command-line work: events are attributed to "operator command" (no signed-in user)
 * and the ids of queued mail are collected so the command can deliver them after commit.
 */
export function commandLineContext(tx: Executor): OperatorContext & { queuedMail: string[] } {
  const queuedMail: string[] = [];
  return {
    tx,
    queuedMail,
    record: async (event) => {
      await insertEvent(tx, { ...event, actingUserId: null, ip: null, device: OPERATOR_DEVICE });
      const revised = emptyRevisionTargets();
      addRevisionTargets(revised, event);
      await bumpRevisions(tx, revised);
    },
    mail: async (message) => {
      queuedMail.push(await enqueueMail(tx, message));
    },
  };
}
