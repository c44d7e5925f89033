import { describe, expect, it } from "vitest";
import { escapeHtml, renderMail } from "@/lib/mail/templates";

const attack = `<script>alert("x")</script>`;

describe("renderMail", () => {
  it("escapes every interpolated string in the HTML body", () => {
    const { html } = renderMail({
      subject: `Invitation from ${attack}`,
      preheader: `Preview ${attack}`,
      heading: `Hello ${attack}`,
      paragraphs: [`${attack} invited you`, `Second & "quoted" 'text'`],
      action: { label: `Accept ${attack}`, url: `https://keyhouse.example/accept?token=a"b&c=<d>` },
      footer: `Footer ${attack}`,
    });

    expect(html).not.toContain("<script");
    expect(html).not.toContain('"x"');
    const escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;";
    expect(html).toContain(`<title>Invitation from ${escaped}</title>`);
    expect(html).toContain(`Preview ${escaped}`);
    expect(html).toContain(`Hello ${escaped}</h1>`);
    expect(html).toContain(`${escaped} invited you</p>`);
    expect(html).toContain("Second &amp; &quot;quoted&quot; &#39;text&#39;</p>");
    expect(html).toContain(`Accept ${escaped}</a>`);
    expect(html).toContain(`Footer ${escaped}</p>`);
    // The URL cannot break out of its attribute.
    expect(html).toContain('href="https://keyhouse.example/accept?token=a&quot;b&amp;c=&lt;d&gt;"');
  });

  it("writes a plain-text body with the link as text", () => {
    const { subject, text } = renderMail({
      subject: "Join Acme",
      heading: "You are invited",
      paragraphs: ["Alice invited you to Acme.", "The link expires in 5 days."],
      action: { label: "Accept the invitation", url: "http://localhost:3000/accept/tok123" },
      footer: "Sent by Keyhouse.",
    });

    expect(subject).toBe("Join Acme");
    expect(text).toBe(
      [
        "You are invited",
        "Alice invited you to Acme.",
        "The link expires in 5 days.",
        "Accept the invitation:\nhttp://localhost:3000/accept/tok123",
        "--\nSent by Keyhouse.",
      ].join("\n\n") + "\n",
    );
  });

  it("keeps plain text unescaped (it is not HTML)", () => {
    const { text } = renderMail({ subject: "s", heading: "h", paragraphs: [`Tom & ${attack}`] });
    expect(text).toContain(`Tom & ${attack}`);
  });

  it("makes the subject a single line", () => {
    expect(renderMail({ subject: "Hello\r\nBcc: x@example.com ", heading: "h", paragraphs: [] }).subject).toBe(
      "Hello Bcc: x@example.com",
    );
  });

  it("refuses action links that are not http(s)", () => {
    for (const url of ["javascript:alert(1)", "data:text/html,hi", "/relative/path"]) {
      expect(() => renderMail({ subject: "s", heading: "h", paragraphs: [], action: { label: "Go", url } })).toThrow(
        /http\(s\)/,
      );
    }
  });

  it("adds a default footer and leaves out the preheader when none is given", () => {
    const { html, text } = renderMail({ subject: "s", heading: "h", paragraphs: ["p"] });
    expect(text).toContain("--\nYou received this mail because of an action in Keyhouse.");
    expect(html).not.toContain("display:none");
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});
