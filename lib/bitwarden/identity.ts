import "server-only";
import type { KdfConfig } from "@/lib/crypto";
import { kdfSettingsResponse } from "./master-password-unlock";
import { accountKeysResponse } from "./profile";

/**
 * Identity answers in Bitwarden's shape (DESIGN §12). OAuth fields are snake_case; the rest is PascalCase as
 * Bitwarden's identity server writes it. The apps show `ErrorModel.Message` for a refused login.
 */

type AccountKeys = KdfConfig & { email: string; key: string; publicKey: string; privateKey: string };

export type IssuedTokens = { accessToken: string; expiresIn: number; refreshToken: string | null; scope: string };

function oauthFields(tokens: IssuedTokens) {
  return {
    access_token: tokens.accessToken,
    expires_in: tokens.expiresIn,
    token_type: "Bearer",
    ...(tokens.refreshToken ? { refresh_token: tokens.refreshToken } : {}),
    scope: tokens.scope,
  };
}

/** A successful login: tokens, the account's encrypted keys and how to unlock them with the master password. */
export function loginResponse(tokens: IssuedTokens, account: AccountKeys, rememberToken: string | null) {
  const kdf = {
    KdfType: account.kdf,
    Iterations: account.kdfIterations,
    Memory: account.kdfMemory,
    Parallelism: account.kdfParallelism,
  };
  return {
    ...oauthFields(tokens),
    Key: account.key,
    PrivateKey: account.privateKey,
    AccountKeys: accountKeysResponse(account),
    Kdf: account.kdf,
    KdfIterations: account.kdfIterations,
    KdfMemory: account.kdfMemory,
    KdfParallelism: account.kdfParallelism,
    ForcePasswordReset: false,
    ResetMasterPassword: false,
    MasterPasswordPolicy: null,
    ApiUseKeyConnector: false,
    ...(rememberToken ? { TwoFactorToken: rememberToken } : {}),
    UserDecryptionOptions: {
      HasMasterPassword: true,
      MasterPasswordUnlock: { Kdf: kdf, MasterKeyEncryptedUserKey: account.key, Salt: account.email },
      Object: "userDecryptionOptions",
    },
  };
}

/** A refreshed access token (and the refresh token that replaces the one spent). */
export function refreshResponse(tokens: IssuedTokens) {
  return oauthFields(tokens);
}

/** A refused grant: the app shows `message`. */
export function grantError(message: string, error = "invalid_grant") {
  return { error, error_description: message, ErrorModel: { Message: message, Object: "error" } };
}

/** The message Bitwarden's apps recognise as a wrong email or master password (they then explain it their way). */
export const WRONG_CREDENTIALS = "Username or password is incorrect. Try again.";

/** Two-step login is on: the apps ask for an authenticator code (provider 0), the only kind Keyhouse offers. */
export function twoFactorChallenge() {
  return {
    error: "invalid_grant",
    error_description: "Two factor required.",
    TwoFactorProviders: ["0"],
    TwoFactorProviders2: { "0": null },
    MasterPasswordPolicy: null,
  };
}

/** Answers to prelogin: the KDF settings for an address (the defaults for an unknown one, so as not to reveal it). */
export function preloginResponse(email: string, kdf: KdfConfig) {
  return {
    kdf: kdf.kdf,
    kdfIterations: kdf.kdfIterations,
    kdfMemory: kdf.kdfMemory,
    kdfParallelism: kdf.kdfParallelism,
    kdfSettings: kdfSettingsResponse(kdf),
    salt: email,
  };
}
