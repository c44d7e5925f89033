import { GOOD_STRENGTH, type PasswordStrength, passwordStrength } from "@/lib/strength/password-strength";
import type { RateStrength } from "@/lib/strength/strength-pool";
import { byName, checkablePassword, type ReportItem } from "./report-item";

export type WeakPassword<T extends ReportItem> = { item: T; strength: PasswordStrength };

/** Passwords rated at once between progress reports: enough to keep every worker of a pool busy. */
const BATCH = 40;

/** Gives the page a turn between batches, so a big vault's report neither freezes it nor hides its progress. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Logins whose password rates below "Good" (zxcvbn score 0–2, Bitwarden's threshold), weakest first. The
 * username counts as a word a guesser knows, as in Bitwarden: "acme2026" is weak for the user "acme".
 * `onProgress` hears how many items are rated so far; answering false stops the work (the page went away).
 * `rateStrength` is zxcvbn on this thread unless the caller passes a pool of workers (lib/strength/strength-pool.ts).
 */
export async function weakPasswords<T extends ReportItem>(
  items: readonly T[],
  onProgress: (done: number) => boolean = () => true,
  rateStrength: RateStrength = passwordStrength,
): Promise<WeakPassword<T>[]> {
  const weak: WeakPassword<T>[] = [];
  // Reused passwords are common: each password and username pair is rated once.
  const rated = new Map<string, Promise<PasswordStrength>>();
  const rate = (password: string, username: string | null | undefined) => {
    const key = JSON.stringify([password, username ?? ""]);
    if (!rated.has(key)) rated.set(key, rateStrength(password, username ? [username] : []));
    return rated.get(key)!;
  };
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = items.slice(start, start + BATCH).flatMap((item) => {
      const password = checkablePassword(item);
      return password === null ? [] : [{ item, strength: rate(password, item.login?.username) }];
    });
    const strengths = await Promise.all(batch.map((entry) => entry.strength));
    batch.forEach(({ item }, index) => {
      const strength = strengths[index]!;
      if (strength.score < GOOD_STRENGTH) weak.push({ item, strength });
    });
    if (!onProgress(Math.min(start + BATCH, items.length))) break;
    if (start + BATCH < items.length) await nextTurn();
  }
  return weak.sort((a, b) => a.strength.score - b.strength.score || byName(a.item, b.item));
}
