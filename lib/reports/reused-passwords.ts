import { byName, checkablePassword, type ReportItem } from "./report-item";

/** Items sharing one password; the password itself is left out so that no page can show it by mistake. */
export type ReusedPassword<T extends ReportItem> = { count: number; items: T[] };

/**
 * Passwords saved in more than one login, most used first. Passwords match exactly: "Winter" and "winter" are
 * different passwords to a guesser, so they are not reuse.
 */
export function reusedPasswords<T extends ReportItem>(items: readonly T[]): ReusedPassword<T>[] {
  const byPassword = new Map<string, T[]>();
  for (const item of items) {
    const password = checkablePassword(item);
    if (password === null) continue;
    byPassword.set(password, [...(byPassword.get(password) ?? []), item]);
  }
  return [...byPassword.values()]
    .filter((group) => group.length > 1)
    .map((group) => ({ count: group.length, items: group.sort(byName) }))
    .sort((a, b) => b.count - a.count || byName(a.items[0]!, b.items[0]!));
}
