import "server-only";
/**
 * GET /api/config (DESIGN §12). `version` is the Bitwarden API level Keyhouse speaks (the apps compare it before
 * using newer endpoints); `server` names Keyhouse, so the apps say they talk to a third-party server. Feature flags
 * are only those Keyhouse really supports: per-item keys (the apps then encrypt each item under a key of its own,
 * which Keyhouse stores, and its web vault decrypts with and keeps).
 */
export const BITWARDEN_API_VERSION = "2026.9.0";

export function configResponse(baseUrl: string) {
  return {
    object: "config",
    version: BITWARDEN_API_VERSION,
    gitHash: null,
    server: { name: "Keyhouse", url: baseUrl },
    environment: {
      cloudRegion: null,
      vault: baseUrl,
      api: `${baseUrl}/api`,
      identity: `${baseUrl}/identity`,
      notifications: null,
      sso: null,
    },
    featureStates: { enableCipherKeyEncryption: true },
    push: { pushTechnology: 0, vapidPublicKey: null },
    settings: { disableUserRegistration: false },
    communication: null,
  };
}
