import { expect, test } from "@playwright/test";

/** Issue 14: every page names the site's icon, the icon is served, and nothing asked for on the way is missing. */
test("the page's icon link resolves, /favicon.ico too, and loading the page meets no 404", async ({
  page,
  request,
}) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  // Chromium asks for the icon after the page itself: wait until the network is quiet.
  await page.goto("/login", { waitUntil: "networkidle" });
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(await favicon.text()).toBe(await icon.text());
  expect(missing).toEqual([]);
});
