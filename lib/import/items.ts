import { type CipherView, emptyLogin, FIELD_TYPES, type FieldView, newCipher } from "@/lib/vault/cipher-model";

/** The host of a URI, for naming an item that has none ("https://www.example.com/x" → "example.com"). */
export function hostOf(uri: string): string | null {
  try {
    const host = new URL(uri.includes("://") ? uri : `https://${uri}`).hostname;
    return host.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

export type LoginParts = {
  name: string | null;
  uris?: (string | null)[];
  username?: string | null;
  password?: string | null;
  totp?: string | null;
  notes?: string | null;
  fields?: FieldView[];
};

/** A login item from the columns most formats share; blank URIs are left out. */
export function loginItem(parts: LoginParts): CipherView {
  const view = newCipher("login", parts.name ?? "");
  view.notes = parts.notes || null;
  view.fields = parts.fields ?? [];
  view.login = {
    ...emptyLogin(),
    username: parts.username || null,
    password: parts.password || null,
    totp: parts.totp || null,
    uris: (parts.uris ?? []).flatMap((uri) => (uri?.trim() ? [{ uri: uri.trim(), match: null }] : [])),
  };
  return view;
}

/** A secure note. */
export function noteItem(name: string | null, notes: string | null, fields: FieldView[] = []): CipherView {
  const view = newCipher("secure_note", name ?? "");
  view.notes = notes || null;
  view.fields = fields;
  return view;
}

/** A custom field: text, or hidden for values the source marked as secret. */
export function customField(name: string | null, value: string | null, hidden = false): FieldView {
  return {
    type: hidden ? FIELD_TYPES.hidden : FIELD_TYPES.text,
    name: name || null,
    value: value || null,
    linkedId: null,
  };
}
