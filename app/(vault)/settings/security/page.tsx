import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/authz/scope";
import { getAccountProfile } from "@/lib/dal/accounts";
import { policiesForUser } from "@/lib/dal/policies";
import { ChangeKdfForm } from "./change-kdf-form";
import { ChangeMasterPasswordForm } from "./change-master-password-form";
import { TwoStepLogin } from "./two-step-login";

export const metadata: Metadata = { title: "Security" };

/** Organizations whose policy of this type applies to the user, by name. */
function organizationsWith(
  policies: Awaited<ReturnType<typeof policiesForUser>>,
  type: "master_password" | "two_factor_authentication",
): string[] {
  return policies.applied.filter((policy) => policy.type === type).map((policy) => policy.organizationName);
}

export default async function SecurityPage() {
  const user = await requireUser();
  const [profile, policies] = await Promise.all([getAccountProfile(user), policiesForUser(user)]);
  const masterPasswordPolicy = policies.masterPassword
    ? { requirements: policies.masterPassword, organizations: organizationsWith(policies, "master_password") }
    : null;
  return (
    <>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">Master password</h2>
        <p className="mb-4 text-sm text-slate-600">
          Changing it logs out every other session of your account. Your vault stays encrypted with the same key; only
          the way your master password protects that key changes.
        </p>
        <ChangeMasterPasswordForm email={profile.email} name={profile.name} policy={masterPasswordPolicy} />
      </Card>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">Encryption key settings</h2>
        <p className="mb-4 text-sm text-slate-600">
          Your master key is derived with PBKDF2 SHA-256. More iterations make a stolen hash slower to attack, and
          unlocking slower on every device. Changing them logs out every other session of your account.
        </p>
        <ChangeKdfForm email={profile.email} kdfIterations={profile.kdfIterations} />
      </Card>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">Two-step login</h2>
        <p className="mb-4 text-sm text-slate-600">
          After your master password, logging in also asks for a code from an authenticator app on your phone.
        </p>
        <TwoStepLogin
          email={profile.email}
          enabledOn={profile.twoFactorEnabledAt ? profile.twoFactorEnabledAt.toISOString().slice(0, 10) : null}
          requiredBy={organizationsWith(policies, "two_factor_authentication")}
        />
      </Card>
    </>
  );
}
