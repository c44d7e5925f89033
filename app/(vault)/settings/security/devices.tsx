"use client";

import { useActionDialog } from "@/components/forms/use-action-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { endOtherSessionsAction, endSessionAction } from "./device-actions";

/** One live session as the page lists it; times come formatted from the server, with ISO for `<time>`. */
export type SessionRow = {
  id: string;
  /** "Linux CLI", "Chrome extension", or "Web vault" for a browser session. */
  kind: string;
  /** What the app called its device, when it is an app. */
  deviceName: string | null;
  firstLoggedIn: { iso: string; text: string };
  lastSeen: { iso: string; text: string };
  current: boolean;
};

function loggedOut(count: number): string {
  if (count === 0) return "There were no other sessions to log out.";
  return count === 1 ? "Logged out 1 other session." : `Logged out ${count} other sessions.`;
}

/** Every live session of the account, newest activity first, with a way to log out the others. */
export function Devices({ sessions }: { sessions: SessionRow[] }) {
  const others = sessions.filter((session) => !session.current).length;
  return (
    <div className="flex flex-col gap-4">
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200" aria-label="Sessions">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                <span className="break-words">{session.kind}</span>
                {session.deviceName && session.deviceName !== session.kind ? (
                  <span className="font-normal break-all text-slate-600">{session.deviceName}</span>
                ) : null}
                {session.current ? (
                  <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">
                    This session
                  </span>
                ) : null}
              </p>
              <p className="text-sm text-slate-600">
                First logged in <time dateTime={session.firstLoggedIn.iso}>{session.firstLoggedIn.text}</time>
                <span aria-hidden="true"> · </span>
                <span className="sr-only">, </span>
                last seen <time dateTime={session.lastSeen.iso}>{session.lastSeen.text}</time>
              </p>
            </div>
            {session.current ? null : <EndSession session={session} />}
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <div>
          <EndOtherSessions count={others} />
        </div>
      ) : (
        <p className="text-sm text-slate-600">No other browser or app is logged in to your account.</p>
      )}
    </div>
  );
}

function describe(session: SessionRow): string {
  return session.deviceName && session.deviceName !== session.kind
    ? `${session.kind} (${session.deviceName})`
    : session.kind;
}

function EndSession({ session }: { session: SessionRow }) {
  const name = describe(session);
  const { open, show, close, submit, busy, error } = useActionDialog(endSessionAction, {
    success: () => `Logged out ${name}.`,
  });
  return (
    <>
      <Button variant="secondary" onClick={show}>
        Log out
        <span className="sr-only">
          {" "}
          {name}, last seen {session.lastSeen.text}
        </span>
      </Button>
      <ConfirmDialog
        open={open}
        title={`Log out ${name}?`}
        message={
          <>
            <p>
              It stops working at once: it has to log in again with your master password to reach your vault. Items it
              keeps offline stay encrypted.
            </p>
            {error ? (
              <Alert tone="error" className="mt-3">
                {error}
              </Alert>
            ) : null}
          </>
        }
        confirmLabel="Log out"
        tone="danger"
        busy={busy}
        onConfirm={() => void submit({ sessionId: session.id })}
        onCancel={close}
      />
    </>
  );
}

function EndOtherSessions({ count }: { count: number }) {
  const { open, show, close, submit, busy, error } = useActionDialog(endOtherSessionsAction, {
    success: (result) => loggedOut(result.count),
  });
  return (
    <>
      <Button variant="secondary" onClick={show}>
        Log out all other sessions
      </Button>
      <ConfirmDialog
        open={open}
        title="Log out all other sessions?"
        message={
          <>
            <p>
              {count === 1
                ? "The other browser or app stops working at once and has to"
                : `The ${count} other browsers and apps stop working at once and have to`}{" "}
              log in again with your master password. This session stays logged in.
            </p>
            {error ? (
              <Alert tone="error" className="mt-3">
                {error}
              </Alert>
            ) : null}
          </>
        }
        confirmLabel="Log out others"
        tone="danger"
        busy={busy}
        onConfirm={() => void submit({})}
        onCancel={close}
      />
    </>
  );
}
