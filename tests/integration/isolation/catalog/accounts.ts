import { register, startRegistration } from "@/app/(auth)/register/actions";
import { verifyEmailAction } from "@/app/(auth)/verify-email/actions";
import { deleteAccountAction, sendVerificationEmailAction, updateNameAction } from "@/app/(vault)/settings/actions";
import { changeKdfAction, changeMasterPasswordAction } from "@/app/(vault)/settings/security/actions";
import {
  endOtherSessionsAction,
  endSessionAction,
  rotateApiKeyAction,
} from "@/app/(vault)/settings/security/device-actions";
import {
  beginTwoFactorAction,
  disableTwoFactorAction,
  enableTwoFactorAction,
} from "@/app/(vault)/settings/security/two-factor-actions";
import { argon2idKdf, MIN_KDF_ITERATIONS, pbkdf2Kdf } from "@/lib/crypto";
import { FAKE_ENC_2, FAKE_MASTER_PASSWORD_HASH, UNKNOWN_ID } from "../../../support/fakes";
import { SIGNED_IN_ROLES } from "../roles";
import type { IsolationEntry } from "./types";

/**
 * Account actions name no tenant: each acts on the signed-in person's own account. Everything but the name needs
 * that account's master password hash, so with a hash that is nobody's every role is refused and nothing changes.
 */
const CREDENTIALS_CHANGE = {
  currentMasterPasswordHash: FAKE_MASTER_PASSWORD_HASH,
  newMasterPasswordHash: FAKE_MASTER_PASSWORD_HASH,
  key: FAKE_ENC_2,
  ...pbkdf2Kdf(MIN_KDF_ITERATIONS),
};

export const ACCOUNT_ACTIONS: IsolationEntry[] = [
  // Public: an address and a name start a registration; a link's token (the proof of an address) does the rest.
  {
    name: "account.startRegistration",
    grants: false,
    action: startRegistration,
    public: true,
    allowed: [],
    input: () => ({}),
  },
  { name: "account.register", grants: false, action: register, public: true, allowed: [], input: () => ({}) },
  {
    name: "account.verifyEmail",
    grants: false,
    action: verifyEmailAction,
    public: true,
    allowed: [],
    input: () => ({}),
  },
  // Every role's address is verified already (demo seed, test factories), so there is nothing to send anyone.
  {
    name: "account.sendVerificationEmail",
    grants: false,
    action: sendVerificationEmailAction,
    allowed: [],
    input: () => ({}),
  },
  {
    name: "account.updateName",
    grants: false,
    action: updateNameAction,
    allowed: SIGNED_IN_ROLES,
    input: () => ({ name: "Renamed" }),
  },
  {
    name: "account.changeMasterPassword",
    grants: false,
    action: changeMasterPasswordAction,
    allowed: [],
    input: () => CREDENTIALS_CHANGE,
  },
  {
    name: "account.changeKdf",
    grants: false,
    action: changeKdfAction,
    allowed: [],
    input: () => ({ ...CREDENTIALS_CHANGE, ...argon2idKdf(2, 16, 1) }),
  },
  {
    name: "account.twoFactor.begin",
    grants: false,
    action: beginTwoFactorAction,
    allowed: [],
    input: () => ({ masterPasswordHash: FAKE_MASTER_PASSWORD_HASH }),
  },
  {
    name: "account.twoFactor.enable",
    grants: false,
    action: enableTwoFactorAction,
    allowed: [],
    input: () => ({ masterPasswordHash: FAKE_MASTER_PASSWORD_HASH, code: "123456" }),
  },
  {
    name: "account.twoFactor.disable",
    grants: false,
    action: disableTwoFactorAction,
    allowed: [],
    input: () => ({ masterPasswordHash: FAKE_MASTER_PASSWORD_HASH, code: "123456" }),
  },
  // A session id that is nobody's (as another user's would be) ends nothing and is refused, whoever asks.
  {
    name: "account.sessions.end",
    grants: false,
    action: endSessionAction,
    allowed: [],
    input: () => ({ sessionId: UNKNOWN_ID }),
  },
  // Everyone may log out their own other sessions; no one else's.
  {
    name: "account.sessions.endOthers",
    grants: false,
    action: endOtherSessionsAction,
    allowed: SIGNED_IN_ROLES,
    input: () => ({}),
  },
  {
    name: "account.apiKey.rotate",
    grants: false,
    action: rotateApiKeyAction,
    allowed: [],
    input: () => ({ masterPasswordHash: FAKE_MASTER_PASSWORD_HASH }),
  },
  // The confirmation is typed by the person; a wrong master password hash is refused whoever asks.
  {
    name: "account.delete",
    grants: false,
    action: deleteAccountAction,
    allowed: [],
    input: () => ({ masterPasswordHash: FAKE_MASTER_PASSWORD_HASH, confirmation: "anyone@example.com" }),
  },
];
