"use client";

import { useEffect, useState } from "react";
import { Logo } from "@/components/logo";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { UNAVAILABLE_TEXT } from "@/lib/unavailable";

type Props = {
  /** In production a server error arrives without its message, only with the digest that its log line carries. */
  error: unknown;
  /** Fetches the page's server components again and renders them (reset() alone would show the same error). */
  retry: () => void;
};

/**
 * What a page shows when rendering it failed. Nothing about the error is shown but its digest, which
 * lib/server/request-errors.ts writes on the server's log line. When the database is what failed, the page says so.
 */
export default function ErrorPage({ error, retry }: Props) {
  const digest = digestOf(error);
  const databaseDown = useDatabaseDown(error);
  return (
    <main className="flex min-h-screen flex-col items-center bg-slate-100 px-4 py-16">
      <Logo className="mb-8 text-2xl text-slate-900" />
      <Card className="flex w-full max-w-md flex-col gap-3">
        <h1 className="text-xl font-semibold">{databaseDown ? UNAVAILABLE_TEXT.title : "Something went wrong"}</h1>
        {databaseDown ? (
          <>
            <p className="text-sm text-slate-600">{UNAVAILABLE_TEXT.explanation}</p>
            <p className="text-sm text-slate-600">{UNAVAILABLE_TEXT.advice}</p>
          </>
        ) : (
          <p className="text-sm text-slate-600">
            This page could not be shown. Try again; if it keeps happening, give your administrator the reference below.
          </p>
        )}
        <div>
          <Button onClick={() => retry()}>Try again</Button>
        </div>
        {digest ? (
          <p className="text-xs text-slate-500">
            Reference: <code className="select-all">{digest}</code>
          </p>
        ) : null}
      </Card>
    </main>
  );
}

function digestOf(error: unknown): string | undefined {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" ? digest : undefined;
}

/**
 * Whether the database is down right now. The error itself cannot tell (production hides its message), so the page
 * asks the health check, which answers 503 while the database does not.
 */
function useDatabaseDown(error: unknown): boolean {
  const [down, setDown] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/health", { cache: "no-store", signal: controller.signal })
      .then((response) => setDown(response.status === 503))
      .catch(() => {});
    return () => controller.abort();
  }, [error]);
  return down;
}
