import type { z } from "zod";

/** The sentence shown for a validation issue: our field messages, or a plain one when the whole body is wrong. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.path.length === 0) return "The request is malformed.";
  return issue.message;
}

/** Field path → first message, for forms to show next to each field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    fieldErrors[field] ??= issueMessage(issue);
  }
  return fieldErrors;
}

/** One sentence for a form's or a request's field errors: the message itself when there is one. */
export function fieldErrorSummary(fieldErrors: Record<string, string>): string {
  const messages = Object.values(fieldErrors);
  return messages.length === 1 ? messages[0]! : "Some fields need attention.";
}
