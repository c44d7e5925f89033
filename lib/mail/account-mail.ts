import "server-only";
import { describeKdfConfig, type KdfConfig } from "@/lib/crypto";
import { type RenderedMail, renderMail } from "./templates";

/** Security notices about a person's own account: each tells them what changed and what to do if it was not them. */

const NOT_YOU = "If you did not do this, change your master password now and check your two-step login settings.";

export function masterPasswordChangedMail(settingsUrl: string): RenderedMail {
  return renderMail({
    subject: "Your Keyhouse master password was changed",
    heading: "Your master password was changed",
    paragraphs: [
      "The master password of your Keyhouse account was just changed. Every other session of your account has been logged out.",
      NOT_YOU,
    ],
    action: { label: "Open security settings", url: settingsUrl },
  });
}

export function kdfChangedMail(kdfConfig: KdfConfig, settingsUrl: string): RenderedMail {
  return renderMail({
    subject: "Your Keyhouse KDF settings were changed",
    heading: "Your KDF settings were changed",
    paragraphs: [
      `Your master key is now derived with ${describeKdfConfig(kdfConfig)}. Every other session of your account has been logged out.`,
      NOT_YOU,
    ],
    action: { label: "Open security settings", url: settingsUrl },
  });
}

export function twoFactorEnabledMail(settingsUrl: string): RenderedMail {
  return renderMail({
    subject: "Two-step login is on for your Keyhouse account",
    heading: "Two-step login is on",
    paragraphs: [
      "From now on, logging in to Keyhouse asks for a code from your authenticator app after your master password.",
      "Keep your recovery code somewhere safe: it is the only way in if you lose your authenticator app.",
    ],
    action: { label: "Open security settings", url: settingsUrl },
  });
}

export function twoFactorDisabledMail(viaRecoveryCode: boolean, settingsUrl: string): RenderedMail {
  return renderMail({
    subject: "Two-step login is off for your Keyhouse account",
    heading: "Two-step login was turned off",
    paragraphs: [
      viaRecoveryCode
        ? "Your recovery code was used to log in, which turned two-step login off and used the code up."
        : "Two-step login was turned off for your Keyhouse account.",
      "Organizations that require two-step login have revoked your access until you turn it on again.",
      NOT_YOU,
    ],
    action: { label: "Turn two-step login on again", url: settingsUrl },
  });
}

export function revokedForTwoStepLoginMail(organizationName: string, settingsUrl: string): RenderedMail {
  return renderMail({
    subject: `Your access to ${organizationName} was revoked`,
    heading: `${organizationName} requires two-step login`,
    paragraphs: [
      `${organizationName} requires its members to use two-step login, and your account does not have it turned on, so your access to the organization was revoked.`,
      "Turn on two-step login in your account's security settings, then ask an administrator of the organization to restore your access.",
    ],
    action: { label: "Set up two-step login", url: settingsUrl },
  });
}

export function accountDeletedMail(): RenderedMail {
  return renderMail({
    subject: "Your Keyhouse account was deleted",
    heading: "Your account was deleted",
    paragraphs: [
      "Your Keyhouse account, its personal vault items and folders, and its memberships of organizations and providers were deleted.",
      "Items of organizations stay with their organizations. This cannot be undone.",
    ],
  });
}

/** Registration starts with this mail: following its link proves the address (DESIGN §11). */
export function finishRegistrationMail(finishUrl: string, lifetimeHours: number): RenderedMail {
  return renderMail({
    subject: "Finish creating your Keyhouse account",
    heading: "Finish creating your account",
    paragraphs: [
      "Someone, hopefully you, started creating a Keyhouse account with this email address.",
      `Follow the link to choose your master password and finish. The link can be used once and expires in ${lifetimeHours} hours.`,
    ],
    action: { label: "Finish creating your account", url: finishUrl },
  });
}

/**
 * Sent instead of a registration link when the address already has an account: the page answers the same in both
 * cases, so only the address's owner learns that an account exists.
 */
export function accountExistsMail(loginUrl: string): RenderedMail {
  return renderMail({
    subject: "You already have a Keyhouse account",
    heading: "You already have an account",
    paragraphs: [
      "Someone, hopefully you, asked to create a Keyhouse account with this email address, but it already has one, so no new account was started.",
      "Log in with your master password. Keyhouse never knows your master password, so nobody can reset it for you.",
    ],
    action: { label: "Log in", url: loginUrl },
  });
}

export function verifyEmailMail(verifyUrl: string, lifetimeHours: number): RenderedMail {
  return renderMail({
    subject: "Verify your Keyhouse email address",
    heading: "Verify your email address",
    paragraphs: [
      "Follow the link to verify the email address of your Keyhouse account.",
      `The link can be used once and expires in ${lifetimeHours} hours.`,
    ],
    action: { label: "Verify email address", url: verifyUrl },
  });
}
