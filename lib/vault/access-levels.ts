/** The five access levels of Bitwarden's collections, as the three stored flags express them. */
export const ACCESS_LEVELS = {
  view: { readOnly: true, hidePasswords: false, manage: false },
  view_except_passwords: { readOnly: true, hidePasswords: true, manage: false },
  edit: { readOnly: false, hidePasswords: false, manage: false },
  edit_except_passwords: { readOnly: false, hidePasswords: true, manage: false },
  manage: { readOnly: false, hidePasswords: false, manage: true },
} as const;
export type AccessLevel = keyof typeof ACCESS_LEVELS;

export const ACCESS_LEVEL_LABELS: Record<AccessLevel, string> = {
  view: "Can view",
  view_except_passwords: "Can view, except passwords",
  edit: "Can edit",
  edit_except_passwords: "Can edit, except passwords",
  manage: "Can manage",
};

export const ACCESS_LEVEL_NAMES = Object.keys(ACCESS_LEVELS) as AccessLevel[];

export function accessLevelOf(flags: { readOnly: boolean; hidePasswords: boolean; manage: boolean }): AccessLevel {
  if (flags.manage) return "manage";
  if (flags.readOnly) return flags.hidePasswords ? "view_except_passwords" : "view";
  return flags.hidePasswords ? "edit_except_passwords" : "edit";
}
