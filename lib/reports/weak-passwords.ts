import { GOOD_STRENGTH, type PasswordStrength, passwordStrength } from "@/lib/strength/password-strength";
import { byName, checkablePassword, type ReportItem } from "./report-item";

export type WeakPassword<T extends ReportItem> = { item: T; strength: PasswordStrength };

/**
 * Logins whose password rates below "Good" (zxcvbn score 0–2, Bitwarden's threshold), weakest first. The
 * username counts as a word a guesser knows, as in Bitwarden: "acme2026" is weak for the user "acme".
 */
export async function weakPasswords<T extends ReportItem>(items: readonly T[]): Promise<WeakPassword<T>[]> {
  const weak: WeakPassword<T>[] = [];
  for (const item of items) {
    const password = checkablePassword(item);
    if (password === null) continue;
    const strength = await passwordStrength(password, item.login?.username ? [item.login.username] : []);
    if (strength.score < GOOD_STRENGTH) weak.push({ item, strength });
  }
  return weak.sort((a, b) => a.strength.score - b.strength.score || byName(a.item, b.item));
}
