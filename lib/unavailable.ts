/**
 * What proxy.ts answers while the database cannot be reached: it cannot tell who is signed in, so no page can be
 * served. People get a page in the product's look (static HTML: no scripts, so no nonce; the policy allows inline
 * styles), APIs and server actions get JSON. Both carry Retry-After, and nothing is cached.
 */

export const RETRY_AFTER_SECONDS = 30;

/** The words, shared with the error page (app/error.tsx) for a database that fails in the middle of a page. */
export const UNAVAILABLE_TEXT = {
  title: "Keyhouse can't reach its database",
  explanation:
    "This is temporary: the server is running, but its database is not answering right now. Nothing you saved has been lost.",
  advice: "Please try again in a minute.",
} as const;

/** What a request hears when the password checks are all taken (lib/server/password-hashing.ts): a retry will do. */
export const SERVER_BUSY = "The server is busy. Try again in a moment.";

const HEADERS = { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };

export function unavailableJson(): Response {
  return Response.json({ error: "Keyhouse is temporarily unavailable." }, { status: 503, headers: HEADERS });
}

/** The page, with a link that asks for `retryPath` (this request's path and query) again. */
export function unavailablePage(retryPath: string): Response {
  return new Response(pageHtml(retryPath), {
    status: 503,
    headers: { ...HEADERS, "Content-Type": "text/html; charset=utf-8" },
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

// The colours are the theme's (app/globals.css): slate background, white card, brand blue.
function pageHtml(retryPath: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Temporarily unavailable | Keyhouse</title>
<style>
  body { margin: 0; min-height: 100vh; background: #f1f5f9; color: #0f172a; -webkit-font-smoothing: antialiased;
    font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
  main { display: flex; flex-direction: column; align-items: center; padding: 4rem 1rem; }
  .logo { display: inline-flex; align-items: center; gap: 0.5rem; margin-bottom: 2rem; font-size: 1.5rem; font-weight: 600; letter-spacing: -0.025em; }
  .card { box-sizing: border-box; width: 100%; max-width: 28rem; padding: 1.5rem; background: #fff; border: 1px solid #e2e8f0; border-radius: 0.5rem; box-shadow: 0 1px 2px rgb(0 0 0 / 0.05); }
  h1 { margin: 0 0 0.75rem; font-size: 1.25rem; font-weight: 600; }
  p { margin: 0 0 0.75rem; color: #475569; font-size: 0.875rem; line-height: 1.5; }
  a.button { display: inline-block; margin-top: 0.5rem; padding: 0.5rem 1rem; border-radius: 0.375rem; background: #175ddc; color: #fff; font-size: 0.875rem; font-weight: 600; text-decoration: none; }
  a.button:hover { background: #1249b0; }
  a.button:focus-visible { outline: 2px solid #175ddc; outline-offset: 2px; }
</style>
</head>
<body>
<main>
  <span class="logo">
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
      <rect x="3" y="10" width="18" height="11" rx="2" fill="#175ddc" />
      <path d="M7 10V7a5 5 0 0 1 10 0v3" fill="none" stroke="#175ddc" stroke-width="2.5" />
      <circle cx="12" cy="15.5" r="1.8" fill="#fff" />
    </svg>
    Keyhouse
  </span>
  <section class="card">
    <h1>${UNAVAILABLE_TEXT.title}</h1>
    <p>${UNAVAILABLE_TEXT.explanation}</p>
    <p>${UNAVAILABLE_TEXT.advice}</p>
    <a class="button" href="${escapeHtml(retryPath)}">Try again</a>
  </section>
</main>
</body>
</html>
`;
}
