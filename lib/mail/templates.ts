import "server-only";
import type { MailMessage } from "@/lib/dal/mail-outbox";

export type RenderedMail = Omit<MailMessage, "to">;

export type MailContent = {
  subject: string;
  /** Preview text mail clients show next to the subject; hidden in the body. */
  preheader?: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
};

const DEFAULT_FOOTER =
  "You received this mail because of an action in Keyhouse. If you did not expect it, you can ignore it.";

/** One mail as a plain-text body and a simple HTML body; every interpolated string is escaped. */
export function renderMail(content: MailContent): RenderedMail {
  if (content.action) assertWebUrl(content.action.url);
  const subject = singleLine(content.subject);
  return { subject, text: renderText(content), html: renderHtml({ ...content, subject }) };
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A mail link must open a web page: a `javascript:` or `data:` URL in an action is a programming error. */
function assertWebUrl(url: string): void {
  const protocol = URL.canParse(url) ? new URL(url).protocol : "";
  if (protocol !== "https:" && protocol !== "http:") {
    throw new Error("Mail action links must be absolute http(s) URLs");
  }
}

/** Subjects are header values: line breaks would be folded unpredictably by mail clients. */
function singleLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

function renderText(content: MailContent): string {
  const blocks = [content.heading, ...content.paragraphs];
  // Plain-text readers need the raw URL: it is the only way to follow the link.
  if (content.action) blocks.push(`${content.action.label}:\n${content.action.url}`);
  blocks.push(`--\n${content.footer ?? DEFAULT_FOOTER}`);
  return `${blocks.join("\n\n")}\n`;
}

// Inline styles only: many mail clients drop <style> blocks.
const STYLE = {
  body: "margin:0;padding:0;background-color:#f4f4f5;",
  wrapper: "width:100%;background-color:#f4f4f5;padding:24px 0;",
  card: "max-width:560px;margin:0 auto;background-color:#ffffff;border-radius:8px;padding:32px;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#18181b;",
  heading: "margin:0 0 16px;font-size:22px;line-height:1.3;font-weight:700;color:#18181b;",
  paragraph: "margin:0 0 16px;font-size:16px;line-height:1.5;color:#27272a;",
  button:
    "display:inline-block;background-color:#1d4ed8;color:#ffffff;text-decoration:none;font-weight:600;font-size:16px;padding:12px 20px;border-radius:6px;",
  fallback: "margin:16px 0 0;font-size:14px;line-height:1.5;color:#3f3f46;word-break:break-all;",
  link: "color:#1d4ed8;",
  footer:
    "max-width:560px;margin:16px auto 0;padding:0 32px;font-family:Helvetica,Arial,sans-serif;font-size:12px;line-height:1.5;color:#52525b;",
  preheader: "display:none;max-height:0;overflow:hidden;opacity:0;color:transparent;",
};

function renderHtml(content: MailContent): string {
  const paragraphs = content.paragraphs.map((text) => `<p style="${STYLE.paragraph}">${escapeHtml(text)}</p>`);
  const preheader = content.preheader
    ? `<div style="${STYLE.preheader}" aria-hidden="true">${escapeHtml(content.preheader)}</div>`
    : "";
  return [
    "<!doctype html>",
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.subject)}</title></head>`,
    `<body style="${STYLE.body}">`,
    preheader,
    `<div style="${STYLE.wrapper}">`,
    `<div style="${STYLE.card}">`,
    `<h1 style="${STYLE.heading}">${escapeHtml(content.heading)}</h1>`,
    ...paragraphs,
    content.action ? renderAction(content.action) : "",
    "</div>",
    `<p style="${STYLE.footer}">${escapeHtml(content.footer ?? DEFAULT_FOOTER)}</p>`,
    "</div>",
    "</body>",
    "</html>",
  ]
    .filter(Boolean)
    .join("\n");
}

function renderAction(action: { label: string; url: string }): string {
  const url = escapeHtml(action.url);
  return [
    `<p style="margin:24px 0 0;"><a href="${url}" style="${STYLE.button}">${escapeHtml(action.label)}</a></p>`,
    // Some clients block styled links or images; the bare URL always works.
    `<p style="${STYLE.fallback}">If the button does not work, copy this link into your browser:<br>`,
    `<a href="${url}" style="${STYLE.link}">${url}</a></p>`,
  ].join("\n");
}
