/** "1 client", "3 clients": a number with its noun in the right number. */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? singular : plural}`;
}
