import "server-only";
import { z } from "zod";
import { getSession, type SessionUser } from "@/lib/auth/session";
import { requestOrigin } from "@/lib/auth/request-origin";
import { type EventInput, insertEvent } from "@/lib/dal/events";
import { addRevisionTargets, bumpRevisions, emptyRevisionTargets } from "@/lib/dal/revisions";
import { inTransaction, type Transaction } from "@/lib/dal/transaction";
import { log, summarizeError } from "@/lib/server/log";
import { PasswordHashingBusyError } from "@/lib/server/password-hashing";
import { enqueueMail, type MailMessage } from "@/lib/dal/mail-outbox";
import { grantingProviderOf } from "@/lib/dal/provider-access";
import { deliverPendingMail } from "@/lib/mail/outbox";
import { fieldErrorsOf, fieldErrorSummary } from "@/lib/validation/errors";
import { ActionError, gateOutcome } from "./action-error";
import { actingProviderId, type Scope } from "./scope-brand";
import type { ScopeRule } from "./scope-rules";

/**
 * The one way to write a server action (DESIGN §6). Every exported action is a public endpoint, so each call goes:
 * session → zod parse → scope and permission from the database → one transaction holding the change and its
 * event(s) → typed result. Mail queued by the action is written in the same transaction and sent after commit.
 */

export type FailureCode = "invalid_input" | "unauthenticated" | "not_found" | "rejected" | "internal";
export type ActionFailure = { ok: false; code: FailureCode; error: string; fieldErrors?: Record<string, string> };
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;

export type ActionContext<I, S extends Scope> = {
  input: I;
  scope: S;
  user: SessionUser | null;
  tx: Transaction;
  /** Appends an event to the log in this transaction. */
  record: (event: EventInput) => Promise<void>;
  /** Queues a mail in this transaction; it is sent once the transaction commits. */
  mail: (message: MailMessage) => Promise<void>;
};

/** A database constraint the action expects to hit, and what to tell the user when it does. */
export type ConstraintMessage = { message: string; field?: string };

type ActionSpec<Schema extends z.ZodType, S extends Scope, R extends object> = {
  name: string;
  input: Schema;
  run: (ctx: ActionContext<z.output<Schema>, S>) => Promise<R>;
  constraints?: Record<string, ConstraintMessage>;
  /**
   * A read a dialog makes when it opens: it runs in a read-only transaction, so the database refuses any write (its
   * DAL reads take `tx`), and it can record no event or mail. Every other action must record an event.
   */
  reads?: true;
} & (
  | {
      /** The declared gate (./scope-rules.ts); only `anyone()` lets a signed-out caller through. */
      scope: ScopeRule<z.output<Schema>, S>;
      authorize?: never;
    }
  | {
      /** A gate that needs more than a permission on the input's tenant; it always needs a session. */
      authorize: (input: z.output<Schema>, user: SessionUser | null) => Promise<S>;
      scope?: never;
    }
);

const ACTION_MARK = Symbol.for("keyhouse.action");

export type DefinedAction<I, R extends object> = ((input: I) => Promise<ActionResult<R>>) & {
  readonly [ACTION_MARK]: string;
};

export function isDefinedAction(value: unknown): boolean {
  return typeof value === "function" && typeof (value as { [ACTION_MARK]?: unknown })[ACTION_MARK] === "string";
}

export function defineAction<Schema extends z.ZodType, S extends Scope, R extends object>(
  spec: ActionSpec<Schema, S, R>,
): DefinedAction<z.input<Schema> | FormData, R> {
  const action = async (raw: z.input<Schema> | FormData): Promise<ActionResult<R>> => {
    try {
      const user = await getSession();
      if (!user && !spec.scope?.public) return failure("unauthenticated", "Your session has ended. Sign in again.");
      const parsed = await spec.input.safeParseAsync(raw instanceof FormData ? formDataToObject(raw) : raw);
      if (!parsed.success) return invalidInput(parsed.error);
      const scope = spec.scope ? await spec.scope.issue(parsed.data) : await spec.authorize(parsed.data, user);
      const origin = await requestOrigin();
      const queuedMail: string[] = [];
      const result = await inTransaction(
        async (tx) => {
          let recorded = 0;
          const revised = emptyRevisionTargets();
          const grantors = new Map<string, Promise<string | null>>();
          // An item event in a client by a provider member reading it through the client's grant names that provider.
          const grantorOf = (organizationId: string | null | undefined) => {
            if (scope.kind !== "user" || !organizationId) return null;
            if (!grantors.has(organizationId))
              grantors.set(organizationId, grantingProviderOf(tx, scope, organizationId));
            return grantors.get(organizationId)!;
          };
          const record = async (event: EventInput) => {
            if (spec.reads) throw new Error(`action ${spec.name} is a read and records no event`);
            recorded += 1;
            // An event names its organization, or says null for none; unsaid, it is the scope's organization.
            const organizationId =
              event.organizationId !== undefined
                ? event.organizationId
                : scope.kind === "organization"
                  ? scope.organizationId
                  : null;
            const complete = {
              ...event,
              actingUserId: event.actingUserId === undefined ? (user?.id ?? null) : event.actingUserId,
              providerId: event.providerId ?? actingProviderId(scope) ?? (await grantorOf(organizationId)),
              organizationId,
            };
            addRevisionTargets(revised, complete);
            await insertEvent(tx, { ...complete, ...origin });
          };
          const mail = async (message: MailMessage) => {
            if (spec.reads) throw new Error(`action ${spec.name} is a read and sends no mail`);
            queuedMail.push(await enqueueMail(tx, message));
          };
          const value = await spec.run({ input: parsed.data, scope, user, tx, record, mail });
          if (spec.reads) return value;
          if (recorded === 0) throw new Error(`action ${spec.name} changed data without recording an event`);
          await bumpRevisions(tx, revised);
          return value;
        },
        spec.reads ? "read only" : "read write",
      );
      if (queuedMail.length > 0) await deliverPendingMail(queuedMail);
      return { ok: true, ...result };
    } catch (error) {
      return toFailure(spec, error);
    }
  };
  Object.defineProperty(action, ACTION_MARK, { value: spec.name });
  return action as DefinedAction<z.input<Schema> | FormData, R>;
}

function failure(code: FailureCode, error: string, fieldErrors?: Record<string, string>): ActionFailure {
  return fieldErrors ? { ok: false, code, error, fieldErrors } : { ok: false, code, error };
}

function invalidInput(error: z.ZodError): ActionFailure {
  const fieldErrors = fieldErrorsOf(error);
  const summary = fieldErrorSummary(fieldErrors);
  return failure("invalid_input", summary, fieldErrors);
}

function formDataToObject(form: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const existing = object[key];
    object[key] = existing === undefined ? value : ([] as unknown[]).concat(existing, value);
  }
  return object;
}

/** The name of the database constraint behind an error, looking through driver and ORM wrappers. */
function violatedConstraint(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const constraint = (current as { constraint?: unknown }).constraint;
    if (typeof constraint === "string") return constraint;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function toFailure<S extends Scope, Schema extends z.ZodType, R extends object>(
  spec: ActionSpec<Schema, S, R>,
  error: unknown,
): ActionFailure {
  if (error instanceof ActionError) return failure("rejected", error.message, error.fieldErrors);
  // Every bcrypt worker was taken (registration, a password check): nothing was saved, and a retry will do.
  if (error instanceof PasswordHashingBusyError) return failure("rejected", error.message);
  const outcome = gateOutcome(error);
  if (outcome === "not_found") return failure("not_found", "Not found.");
  if (outcome === "signed_out") return failure("unauthenticated", "Your session has ended. Sign in again.");
  const constraint = violatedConstraint(error);
  const known = constraint ? spec.constraints?.[constraint] : undefined;
  if (known) return failure("rejected", known.message, known.field ? { [known.field]: known.message } : undefined);
  log.error({ action: spec.name, err: summarizeError(error) }, "server action failed");
  return failure("internal", "Something went wrong and nothing was saved. Please try again.");
}
