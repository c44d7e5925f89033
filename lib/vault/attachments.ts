/** Bitwarden's refusal of a file over the limit, which the apps show as is. */
export function maxFileSizeMessage(maxBytes: number): string {
  return `Max file size is ${Math.floor(maxBytes / (1024 * 1024))} MB.`;
}
