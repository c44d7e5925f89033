import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { PasswordGenerator } from "@/components/vault-tools/password-generator";
import { requireUser } from "@/lib/authz/scope";
import { policiesForUser } from "@/lib/dal/policies";

export const metadata: Metadata = { title: "Generator" };

export default async function GeneratorPage() {
  const user = await requireUser();
  const { generator } = await policiesForUser(user);
  return (
    <>
      <PageHeader
        title="Generator"
        description="Strong passwords and passphrases, made in your browser from its cryptographic randomness."
      />
      <PasswordGenerator rules={generator} />
    </>
  );
}
