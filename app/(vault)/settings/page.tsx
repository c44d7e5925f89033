import type { Metadata } from "next";
import { FingerprintPhrase } from "@/components/account/fingerprint-phrase";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/authz/scope";
import { getAccountProfile } from "@/lib/dal/accounts";
import { DeleteAccount } from "./delete-account";
import { SendVerificationEmail } from "./email-verification";
import { NameForm } from "./name-form";

export const metadata: Metadata = { title: "My account" };

export default async function MyAccountPage() {
  const user = await requireUser();
  const profile = await getAccountProfile(user);
  return (
    <>
      <Card>
        <h2 className="mb-4 text-lg font-semibold">My account</h2>
        <NameForm name={profile.name} />
        <dl className="mt-6 grid grid-cols-[10rem_1fr] gap-y-3 text-sm">
          <dt className="text-slate-600">Email</dt>
          <dd className="flex flex-col items-start gap-2">
            <span className="flex flex-wrap items-center gap-2">
              {profile.email}
              <VerificationBadge verified={user.emailVerified} />
            </span>
            {user.emailVerified ? null : <SendVerificationEmail />}
          </dd>
          <dt className="text-slate-600">Fingerprint phrase</dt>
          <dd>
            <FingerprintPhrase material={user.userId} publicKey={profile.publicKey} />
          </dd>
        </dl>
        <p className="mt-4 text-xs text-slate-600">
          When an administrator confirms you, they see this phrase. Compare it with them over another channel.
        </p>
      </Card>
      <Card className="border-red-200">
        <h2 className="mb-2 text-lg font-semibold text-red-800">Danger zone</h2>
        <p className="mb-4 text-sm text-slate-700">
          Deleting your account deletes your personal items and folders and ends your memberships. It cannot be undone.
        </p>
        <DeleteAccount email={profile.email} />
      </Card>
    </>
  );
}

function VerificationBadge({ verified }: { verified: boolean }) {
  return verified ? (
    <span className="rounded bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">Verified</span>
  ) : (
    <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">Not verified</span>
  );
}
