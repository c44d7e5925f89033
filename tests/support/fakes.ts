import { asEncString } from "@/lib/crypto";
import type { EncryptedCipher } from "@/lib/vault/cipher-crypto";

/**
 * Well-shaped but meaningless ciphertext and keys, for inputs that must pass validation so that a refusal is
 * about authorization (isolation tests). Nothing can decrypt them.
 */
const b64 = (bytes: number, fill = 7) => Buffer.alloc(bytes, fill).toString("base64");

export const FAKE_ENC_2 = asEncString(`2.${b64(16)}|${b64(32)}|${b64(32)}`);
export const FAKE_ENC_4 = asEncString(`4.${b64(256)}`);
export const FAKE_PUBLIC_KEY = b64(294);
export const FAKE_TOKEN = "A".repeat(43);
export const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
/** A well-shaped master password hash that is nobody's. */
export const FAKE_MASTER_PASSWORD_HASH = b64(32, 9);

/** A well-shaped encrypted login (an item's cipher input) that nothing can decrypt. */
export const FAKE_LOGIN: EncryptedCipher = {
  type: "login",
  reprompt: 0,
  key: null,
  data: {
    name: FAKE_ENC_2,
    notes: null,
    login: {
      username: FAKE_ENC_2,
      password: FAKE_ENC_2,
      totp: null,
      uris: [],
      passwordRevisionDate: null,
      autofillOnPageLoad: null,
      fido2Credentials: [],
    },
    secureNote: null,
    card: null,
    identity: null,
    sshKey: null,
    fields: [],
    passwordHistory: [],
  },
};
