import type { Metadata } from "next";
import { FingerprintPhrase } from "@/components/account/fingerprint-phrase";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/authz/scope";
import { getAccountProfile } from "@/lib/dal/accounts";

export const metadata: Metadata = { title: "Account settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const profile = await getAccountProfile(user);
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">Account settings</h1>
      <Card>
        <h2 className="mb-4 text-lg font-semibold">My account</h2>
        <dl className="grid grid-cols-[10rem_1fr] gap-y-3 text-sm">
          <dt className="text-slate-600">Name</dt>
          <dd>{profile.name}</dd>
          <dt className="text-slate-600">Email</dt>
          <dd>{profile.email}</dd>
          <dt className="text-slate-600">KDF</dt>
          <dd>PBKDF2 SHA-256, {profile.kdfIterations.toLocaleString("en")} iterations</dd>
          <dt className="text-slate-600">Fingerprint phrase</dt>
          <dd>
            <FingerprintPhrase material={user.userId} publicKey={profile.publicKey} />
          </dd>
        </dl>
        <p className="mt-4 text-xs text-slate-600">
          When an administrator confirms you, they see this phrase. Compare it with them over another channel.
        </p>
      </Card>
    </div>
  );
}
