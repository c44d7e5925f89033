/** Bitwarden's refusal of a file over the limit, which the apps show as is. */
export function maxFileSizeMessage(maxBytes: number): string {
  return `Max file size is ${Math.floor(maxBytes / (1024 * 1024))} MB.`;
}

/** "1.5 KB": how Bitwarden names a size next to the file (two decimals at most, 1024 to a unit). */
export function sizeName(bytes: number): string {
  const units = ["Bytes", "KB", "MB", "GB"];
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return `${Math.round(size * 100) / 100} ${units[unit]}`;
}
