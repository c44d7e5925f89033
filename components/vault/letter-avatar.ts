/**
 * Site icons without asking anyone: a letter and a colour derived from the item's website (or its name), computed
 * in the browser. Real website icons would tell our server every domain in the vault, so they are an option of
 * Preferences, off by default (item-icon.tsx).
 */
export type LetterAvatar = { letter: string; colour: string };

/** Tailwind's 700 shades (and slate 600): each keeps white text above WCAG's 4.5:1 contrast. */
export const AVATAR_COLOURS = [
  "#b91c1c",
  "#c2410c",
  "#b45309",
  "#4d7c0f",
  "#15803d",
  "#047857",
  "#0f766e",
  "#0e7490",
  "#0369a1",
  "#1d4ed8",
  "#4338ca",
  "#6d28d9",
  "#7e22ce",
  "#a21caf",
  "#be185d",
  "#be123c",
  "#475569",
] as const;

/** The host of a URI as people write them (with or without a scheme), without "www."; null when there is none. */
export function hostOf(uri: string): string | null {
  const trimmed = uri.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    return url.hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/** FNV-1a: a small, stable spread of strings over the palette (not a security hash). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The first letter or digit of the first URI's host, else of the name; the colour follows the same text. */
export function letterAvatar(name: string, uris: readonly string[] = []): LetterAvatar {
  const host = uris.map(hostOf).find((candidate) => candidate !== null) ?? null;
  const source = (host ?? name).trim().toLowerCase();
  const letter = source.match(/[\p{L}\p{N}]/u)?.[0]?.toLocaleUpperCase() ?? "?";
  return { letter, colour: AVATAR_COLOURS[fnv1a(source) % AVATAR_COLOURS.length]! };
}
