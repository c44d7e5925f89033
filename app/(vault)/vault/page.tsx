import type { Metadata } from "next";
import Link from "next/link";
import { VaultBrowser } from "@/components/vault/vault-browser";
import { buttonClasses } from "@/components/ui/button-classes";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/authz/scope";
import { listVaultItems } from "@/lib/dal/items";
import { listMemberOrganizations } from "@/lib/dal/organizations";

export const metadata: Metadata = { title: "Vault" };

export default async function VaultPage() {
  const user = await requireUser();
  const [{ items, collections }, organizations] = await Promise.all([listVaultItems(user), listMemberOrganizations(user)]);
  return (
    <>
      <PageHeader
        title="My vault"
        description={`Welcome, ${user.name}. Your vault is decrypted in this tab only.`}
        actions={
          <Link href="/create-organization" className={buttonClasses("secondary")}>
            New organization
          </Link>
        }
      />
      <VaultBrowser items={items} collections={collections} organizations={organizations} />
    </>
  );
}
