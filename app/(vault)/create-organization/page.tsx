import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/authz/scope";
import { CreateOrganizationForm } from "./create-organization-form";

export const metadata: Metadata = { title: "New organization" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `?for=provider`: made from "Become a provider", so Enterprise first and back there afterwards. */
export default async function CreateOrganizationPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const forProvider = (await searchParams).for === "provider";
  return (
    <div className="max-w-xl">
      <PageHeader
        title="New organization"
        description="Share items with your team. You become the organization's owner."
      />
      <Card>
        <CreateOrganizationForm billingEmail={user.email} forProvider={forProvider} />
      </Card>
    </div>
  );
}
