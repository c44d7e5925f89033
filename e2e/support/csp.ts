import type { Page } from "@playwright/test";

/**
 * Collects into `violations` what the page's Content-Security-Policy blocks: Chromium's console message, and the
 * securitypolicyviolation event, which also fires for blocked attempts a script caught (an eval probe logs nothing).
 */
export async function recordCspViolations(page: Page, violations: string[]): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
}
