import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { devMailboxEnabled } from "@/lib/server/config";
import { getMail, listMailbox, type Mail, type MailStatus, type MailSummary } from "@/lib/dal/mail-outbox";

// Mail arrives at any time: never serve a cached list.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Development mailbox", robots: { index: false, follow: false } };

const PAGE_SIZE = 25;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Every mail the system queued, readable without an SMTP server: how the demo and the browser tests follow
 * invitation links. Only outside production, or when KEYHOUSE_DEV_MAILBOX=true.
 */
export default async function DevMailboxPage({ searchParams }: { searchParams: SearchParams }) {
  if (!devMailboxEnabled()) notFound();
  const params = await searchParams;
  const page = pageNumber(first(params.page));
  const selectedId = first(params.id);
  const [{ mails, total }, selected] = await Promise.all([
    listMailbox({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    selectedId ? getMail(selectedId) : Promise.resolve(null),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <main className="mx-auto max-w-6xl space-y-8 px-4 py-8 text-slate-900">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">Development mailbox</h1>
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Development mailbox — not available in production. It shows every mail Keyhouse queued, including single-use
          links.
        </p>
      </header>

      {selectedId ? <SelectedMail mail={selected} page={page} /> : null}

      <section aria-labelledby="messages-heading" className="space-y-3">
        <h2 id="messages-heading" className="text-xl font-semibold">
          Messages
        </h2>
        {total === 0 ? (
          <p className="text-slate-600">No mail yet</p>
        ) : (
          <>
            <MailTable mails={mails} page={page} pageCount={pageCount} selectedId={selected?.id} />
            <Pagination page={page} pageCount={pageCount} />
          </>
        )}
      </section>
    </main>
  );
}

function MailTable(props: { mails: MailSummary[]; page: number; pageCount: number; selectedId?: string }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">
          Mail, newest first, page {props.page} of {props.pageCount}
        </caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              To
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Subject
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Sent at
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Status
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {props.mails.map((mail) => (
            <tr key={mail.id} className={mail.id === props.selectedId ? "bg-blue-50" : undefined}>
              <td className="px-3 py-2 break-all">{mail.to}</td>
              <th scope="row" className="px-3 py-2 font-normal">
                <Link
                  href={mailHref(mail.id, props.page)}
                  aria-current={mail.id === props.selectedId ? "true" : undefined}
                  className="text-blue-700 underline underline-offset-2 hover:text-blue-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
                >
                  {mail.subject}
                </Link>
              </th>
              <td className="px-3 py-2 whitespace-nowrap">
                <Timestamp date={mail.sentAt} />
              </td>
              <td className="px-3 py-2">
                <StatusBadge status={mail.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const linkClass =
    "rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700";
  return (
    <nav aria-label="Mailbox pages" className="flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={`/dev/mailbox?page=${page - 1}`} className={linkClass}>
          Previous page
        </Link>
      ) : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={`/dev/mailbox?page=${page + 1}`} className={linkClass}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}

function SelectedMail({ mail, page }: { mail: Mail | null; page: number }) {
  if (!mail) {
    return (
      <section aria-labelledby="selected-heading" className="space-y-2">
        <h2 id="selected-heading" className="text-xl font-semibold">
          Mail not found
        </h2>
        <p>
          <Link href={`/dev/mailbox?page=${page}`} className="text-blue-700 underline">
            Back to the list
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section id="mail" aria-labelledby="selected-heading" className="space-y-4 rounded-md border border-slate-200 p-4">
      <h2 id="selected-heading" className="text-xl font-semibold break-words">
        {mail.subject}
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-semibold">To</dt>
        <dd className="break-all">{mail.to}</dd>
        <dt className="font-semibold">Queued at</dt>
        <dd>
          <Timestamp date={mail.createdAt} />
        </dd>
        <dt className="font-semibold">Sent at</dt>
        <dd>
          <Timestamp date={mail.sentAt} />
        </dd>
        <dt className="font-semibold">Status</dt>
        <dd>
          <StatusBadge status={mail.status} /> ({mail.attempts} {mail.attempts === 1 ? "attempt" : "attempts"})
        </dd>
        {mail.lastError ? (
          <>
            <dt className="font-semibold">Last error</dt>
            <dd className="break-words">{mail.lastError}</dd>
          </>
        ) : null}
      </dl>
      <h3 className="text-lg font-semibold">Text body</h3>
      <pre className="overflow-x-auto rounded-md bg-slate-50 p-3 font-mono text-sm whitespace-pre-wrap break-words">
        {linkify(mail.text)}
      </pre>
      <h3 className="text-lg font-semibold">HTML body</h3>
      {/* sandbox="" : no scripts, no forms, no navigation, and an opaque origin for the mail's markup. */}
      <iframe
        sandbox=""
        srcDoc={mail.html}
        title={`HTML body of “${mail.subject}”`}
        className="h-[36rem] w-full rounded-md border border-slate-200 bg-white"
      />
    </section>
  );
}

function StatusBadge({ status }: { status: MailStatus }) {
  const colours: Record<MailStatus, string> = {
    pending: "bg-slate-100 text-slate-800",
    sent: "bg-green-100 text-green-900",
    logged: "bg-blue-100 text-blue-900",
    failed: "bg-red-100 text-red-900",
  };
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${colours[status]}`}>{status}</span>;
}

function Timestamp({ date }: { date: Date | null }) {
  if (!date) return <span className="text-slate-600">not yet</span>;
  // UTC and a fixed format: the server renders it, whatever the viewer's locale.
  return <time dateTime={date.toISOString()}>{`${date.toISOString().slice(0, 19).replace("T", " ")} UTC`}</time>;
}

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

/** The text body with its http(s) URLs as links whose visible text is the URL itself. */
function linkify(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let position = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    // Sentence punctuation after a URL is not part of it.
    const url = match[0].replace(/[.,;:!?)\]]+$/, "");
    parts.push(text.slice(position, match.index));
    parts.push(
      <a
        key={match.index}
        href={url}
        className="break-all text-blue-700 underline underline-offset-2 hover:text-blue-900"
      >
        {url}
      </a>,
    );
    position = match.index + url.length;
  }
  parts.push(text.slice(position));
  return parts;
}

function mailHref(id: string, page: number): string {
  const query = new URLSearchParams({ id });
  if (page > 1) query.set("page", String(page));
  return `/dev/mailbox?${query.toString()}#mail`;
}

function pageNumber(value: string | undefined): number {
  const page = Number(value);
  return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
