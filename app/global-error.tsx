"use client";

/**
 * Shown when even the root layout failed: it replaces the whole document, without the app's styles, so it brings
 * its own (inline styles are allowed by the Content-Security-Policy). Only the error's digest is shown, the
 * reference on the server's log line.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    <html lang="en">
      <body
        style={{
          margin: 0,
          background: "#f1f5f9",
          color: "#0f172a",
          fontFamily: "ui-sans-serif, system-ui, sans-serif",
        }}
      >
        <title>Something went wrong | Keyhouse</title>
        <main style={{ maxWidth: "28rem", margin: "0 auto", padding: "4rem 1rem", textAlign: "center" }}>
          <h1 style={{ fontSize: "1.5rem", fontWeight: 600 }}>Something went wrong</h1>
          <p style={{ color: "#475569" }}>Keyhouse could not show this page. Please try again in a minute.</p>
          <button
            type="button"
            onClick={() => retry()}
            style={{
              padding: "0.5rem 1rem",
              border: 0,
              borderRadius: "0.375rem",
              background: "#175ddc",
              color: "#fff",
              fontWeight: 600,
              cursor: "pointer",
            }}
          >
            Try again
          </button>
          {typeof digest === "string" ? (
            <p style={{ marginTop: "1.5rem", fontSize: "0.75rem", color: "#64748b" }}>Reference: {digest}</p>
          ) : null}
        </main>
      </body>
    </html>
  );
}
