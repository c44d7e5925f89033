"use client";

import { useState } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/authz/action";
import { useAction } from "./use-action";

/**
 * A server action behind a dialog: `show` opens it without the last attempt's refusal, and `submit` runs the action
 * and closes the dialog once it succeeded (a refusal stays on show).
 */
export function useActionDialog<I, R extends object, S extends z.ZodType | undefined = undefined>(
  action: (input: I) => Promise<ActionResult<R>>,
  options: Parameters<typeof useAction<I, R, S>>[1] = {},
) {
  const [open, setOpen] = useState(false);
  const state = useAction<I, R, S>(action, options);

  function show() {
    state.reset();
    setOpen(true);
  }

  async function submit(input: Parameters<typeof state.run>[0]) {
    const result = await state.run(input);
    if (result.ok) setOpen(false);
    return result;
  }

  return { ...state, open, show, close: () => setOpen(false), submit };
}
