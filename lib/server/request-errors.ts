import "server-only";
import type { Instrumentation } from "next";
import { type ErrorSummary, log, summarizeError } from "@/lib/server/log";

/**
 * Next.js's hook for errors of pages, route handlers and server actions (instrumentation.ts re-exports it). The
 * error is logged through summarizeError. After this hook, `next start` prints the same error object itself, with
 * its message, its fields and its causes: for a failed query that is the SQL and its parameters (user ids,
 * security stamps). So the error is cut down to its summary in place before Next.js gets it back.
 */
export const onRequestError: Instrumentation.onRequestError = (error, _request, context) => {
  const summary = summarizeError(error);
  // The route's pattern, not the path: a path can carry a link token.
  log.error(
    { err: summary, route: context.routePath, routeType: context.routeType, renderSource: context.renderSource },
    "request failed",
  );
  keepOnlySummary(error, summary);
};

function summaryMessage(summary: ErrorSummary): string {
  const parts = [
    summary.code,
    summary.severity,
    summary.table && `table ${summary.table}`,
    summary.constraint && `constraint ${summary.constraint}`,
  ].filter(Boolean);
  return parts.length > 0 ? `${summary.message} (${parts.join(", ")})` : summary.message;
}

/** A stack as Node prints it, from the summary's name, message and frames only. */
function summaryStack(summary: ErrorSummary, message: string): string {
  return [`${summary.name}: ${message}`, ...(summary.at ?? []).map((frame) => `    ${frame}`)].join("\n");
}

function keepOnlySummary(error: unknown, summary: ErrorSummary): void {
  if (!(error instanceof Error)) return;
  const message = summaryMessage(summary);
  try {
    for (const key of Reflect.ownKeys(error)) {
      // The digest is the reference the error page shows; stack and message are rewritten below.
      if (key !== "digest" && key !== "name" && key !== "stack" && key !== "message")
        Reflect.deleteProperty(error, key);
    }
    error.message = message;
    error.stack = summaryStack(summary, message);
  } catch {
    // A frozen error keeps what it has; the summary above is logged either way.
  }
}

/**
 * Next.js also prints some errors itself (a route handler's, before any hook sees it) with console.error, fields and
 * causes included. In the server process every Error handed to console.error is printed as its summary instead, so
 * no query or parameter reaches the output whichever path printed it.
 */
export function printErrorsInSummary(): void {
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) =>
    print(...args.map((arg) => (arg instanceof Error ? summarizedCopy(arg) : arg)));
}

function summarizedCopy(error: Error): Error {
  const summary = summarizeError(error);
  const copy = new Error(summaryMessage(summary));
  copy.name = summary.name;
  copy.stack = summaryStack(summary, copy.message);
  const digest = (error as { digest?: unknown }).digest;
  if (typeof digest === "string") Object.assign(copy, { digest });
  return copy;
}
