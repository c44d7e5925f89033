/** The part of madge's API the architecture test uses (madge ships no types). */
declare module "madge" {
  type MadgeConfig = { baseDir?: string; fileExtensions?: string[]; tsConfig?: string };
  type MadgeResult = { circular(): string[][] };
  export default function madge(path: string | string[], config?: MadgeConfig): Promise<MadgeResult>;
}
