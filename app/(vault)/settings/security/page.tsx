import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { currentSessionId } from "@/lib/auth/session";
import { requireUser } from "@/lib/authz/scope";
import { DEVICE_TYPE_NAMES } from "@/lib/bitwarden/enums";
import { describeKdfConfig, kdfConfigOf } from "@/lib/crypto";
import { getAccountProfile } from "@/lib/dal/accounts";
import { listSessions } from "@/lib/dal/devices";
import { policiesForUser } from "@/lib/dal/policies";
import { formatEventTime } from "@/lib/events/rows";
import { ApiKeyCard } from "./api-key";
import { ChangeKdfForm } from "./change-kdf-form";
import { ChangeMasterPasswordForm } from "./change-master-password-form";
import { Devices, type SessionRow } from "./devices";
import { TwoStepLogin } from "./two-step-login";

export const metadata: Metadata = { title: "Security" };

/** Organizations whose policy of this type applies to the user, by name. */
function organizationsWith(
  policies: Awaited<ReturnType<typeof policiesForUser>>,
  type: "master_password" | "two_factor_authentication",
): string[] {
  return policies.applied.filter((policy) => policy.type === type).map((policy) => policy.organizationName);
}

/** A session as the Devices card shows it: an app by the kind of device, a browser session as the web vault. */
function sessionRows(sessions: Awaited<ReturnType<typeof listSessions>>, currentId: string | null): SessionRow[] {
  const time = (date: Date) => ({ iso: date.toISOString(), text: formatEventTime(date) });
  return sessions.map((session) => ({
    id: session.id,
    kind: session.deviceType === null ? "Web vault" : (DEVICE_TYPE_NAMES[session.deviceType] ?? "Unknown device"),
    deviceName: session.deviceName,
    firstLoggedIn: time(session.createdAt),
    lastSeen: time(session.lastSeenAt),
    current: session.id === currentId,
  }));
}

export default async function SecurityPage() {
  const user = await requireUser();
  const [profile, policies, sessions, currentId] = await Promise.all([
    getAccountProfile(user),
    policiesForUser(user),
    listSessions(user),
    currentSessionId(),
  ]);
  const kdfConfig = kdfConfigOf(profile);
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
        <h2 className="mb-1 text-lg font-semibold">Key derivation</h2>
        <p className="mb-4 text-sm text-slate-600">
          Your master key is derived from your master password with {describeKdfConfig(kdfConfig)}. Argon2id also needs
          memory, which makes guessing with many processors at once costly. Heavier settings make a stolen hash slower
          to attack, and unlocking slower on every device. Changing them logs out every other session of your account.
        </p>
        <ChangeKdfForm email={profile.email} current={kdfConfig} />
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
      <Card>
        <h2 className="mb-1 text-lg font-semibold">Devices</h2>
        <p className="mb-4 text-sm text-slate-600">
          Browsers and Bitwarden apps logged in to your account. Logging one out ends its access at once; it has to log
          in again with your master password.
        </p>
        <Devices sessions={sessionRows(sessions, currentId)} />
      </Card>
      <Card>
        <h2 className="mb-1 text-lg font-semibold">API key</h2>
        <p className="mb-4 text-sm text-slate-600">
          Log in to the Bitwarden CLI with <code className="font-mono">bw login --apikey</code>, for scripts and
          servers. The key only logs in: unlocking the vault still needs your master password. Keep it as secret as a
          password.
        </p>
        <ApiKeyCard hasApiKey={profile.hasApiKey} />
      </Card>
    </>
  );
}
