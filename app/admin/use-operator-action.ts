"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { z } from "zod";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/authz/action";
import { fieldErrorsOf } from "@/lib/validation/errors";

/**
 * Runs an operator action from a dialog. The input is checked first with the action's own schema (the same
 * sentences the server would answer, without the round trip); on success the list is refreshed and a toast
 * says what happened, otherwise the error sentence and field errors are kept for the dialog to show.
 */
export function useOperatorAction<Schema extends z.ZodType, R extends object>(
  schema: Schema,
  action: (input: z.output<Schema>) => Promise<ActionResult<R>>,
  successMessage: (result: R) => string,
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

  /** True when the action succeeded. */
  async function submit(raw: unknown): Promise<boolean> {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const errors = fieldErrorsOf(parsed.error);
      const messages = Object.values(errors);
      setFieldErrors(errors);
      setError(messages.length === 1 ? messages[0]! : "Some fields need attention.");
      return false;
    }
    reset();
    setBusy(true);
    try {
      const result = await action(parsed.data);
      if (!result.ok) {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
        return false;
      }
      toast.show(successMessage(result));
      router.refresh();
      return true;
    } catch {
      setError("The server could not be reached and nothing was saved. Check your connection and try again.");
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { submit, reset, busy, error, fieldErrors };
}
