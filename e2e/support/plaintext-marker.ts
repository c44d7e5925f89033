/**
 * Every secret value the end-to-end tests type (item names, usernames, passwords, collection names) carries this
 * marker. No ciphertext can contain it ('~' is in neither base64 nor hex), so after the run
 * scripts/scan-e2e-plaintext.ts finds it in no text column unless some plaintext reached the database.
 */
export const PLAINTEXT_MARKER = "~keyhouse~";

export function marked(value: string): string {
  return `${value}${PLAINTEXT_MARKER}`;
}
