import "server-only";

/** An ILIKE pattern for text containing `value`, where `%`, `_` and `\` are literal characters, not patterns. */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}
