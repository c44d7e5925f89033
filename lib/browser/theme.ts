import "client-only";
import { THEME_COOKIE, type ThemeChoice } from "@/lib/theme";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Applies a theme at once (the root element's `data-theme`) and remembers it for the server's next render. */
export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === "system") {
    delete root.dataset.theme;
    document.cookie = `${THEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
  } else {
    root.dataset.theme = choice;
    document.cookie = `${THEME_COOKIE}=${choice}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
  }
}
