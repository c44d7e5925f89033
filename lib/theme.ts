/**
 * The colour theme a browser asked for, kept in a cookie (a device setting, like the others in Preferences) so the
 * server renders the page in it and nothing flashes. No cookie: follow the system (`prefers-color-scheme`).
 */
export const THEME_COOKIE = "keyhouse-theme";

export const THEME_CHOICES = [
  { value: "system", label: "System default" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
] as const;

export type ThemeChoice = (typeof THEME_CHOICES)[number]["value"];

/** The choice a cookie value names; anything else (or nothing) is the system's. */
export function themeFromCookie(value: string | undefined): ThemeChoice {
  return value === "light" || value === "dark" ? value : "system";
}
