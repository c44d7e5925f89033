"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { z } from "zod";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/authz/action";
import { fieldErrorsOf, fieldErrorSummary } from "@/lib/validation/errors";

type Options<R extends object, S> = {
  /**
   * Parses the input in the browser first: the same sentences the server would answer, without the round trip.
   * With a schema, `run` takes raw values (form fields) and the action gets what the schema made of them.
   */
  schema?: S;
  /** The toast shown on success; none when omitted. */
  success?: (result: R) => string;
  /** Re-render the server components after success (default true). */
  refresh?: boolean;
};

type Outcome<R extends object> = ({ ok: true } & R) | { ok: false; error: string };

/** Raw values when a schema parses them, the action's own input otherwise. */
type RunInput<I, S> = S extends z.ZodType ? unknown : I;

const UNREACHABLE = "The server could not be reached and nothing was saved. Check your connection and try again.";

/**
 * Runs a server action from a form or dialog and keeps what the form shows: busy while it runs, the error
 * sentence and the field errors after a refusal. `run` takes the input, or a function that prepares it (key
 * derivation, encryption), and resolves to the action's result (or the refusal, with its sentence).
 */
export function useAction<I, R extends object, S extends z.ZodType | undefined = undefined>(
  action: (input: I) => Promise<ActionResult<R>>,
  options: Options<R, S> = {},
) {
  const router = useRouter();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  function reset() {
    setError(null);
    setFieldErrors({});
  }

  function refuse(message: string, errors: Record<string, string> = {}): Outcome<R> {
    setError(message);
    setFieldErrors(errors);
    return { ok: false, error: message };
  }

  async function run(input: RunInput<I, S> | (() => Promise<RunInput<I, S>>)): Promise<Outcome<R>> {
    reset();
    setBusy(true);
    try {
      let prepared: unknown = typeof input === "function" ? await (input as () => Promise<unknown>)() : input;
      if (options.schema) {
        const parsed = options.schema.safeParse(prepared);
        if (!parsed.success) {
          const errors = fieldErrorsOf(parsed.error);
          return refuse(fieldErrorSummary(errors), errors);
        }
        prepared = parsed.data;
      }
      const result = await action(prepared as I);
      if (!result.ok) return refuse(result.error, result.fieldErrors);
      if (options.success) toast.show(options.success(result));
      if (options.refresh !== false) router.refresh();
      return result;
    } catch {
      return refuse(UNREACHABLE);
    } finally {
      setBusy(false);
    }
  }

  return { run, reset, busy, error, fieldErrors };
}
