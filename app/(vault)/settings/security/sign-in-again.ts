import { signIn } from "next-auth/react";

/**
 * A master password or KDF change rotated the security stamp, which ended every session, this one too: signs this
 * browser in again with the new hash. False when that needs more (two-step login asks for a code): the person logs
 * in again on the login page.
 */
export async function signInAgain(email: string, masterPasswordHash: string): Promise<boolean> {
  const result = await signIn("credentials", { email, masterPasswordHash, redirect: false });
  return Boolean(result && !result.error);
}
