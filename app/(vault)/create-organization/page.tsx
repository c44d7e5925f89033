import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/authz/scope";
import { CreateOrganizationForm } from "./create-organization-form";

export const metadata: Metadata = { title: "New organization" };

export default async function CreateOrganizationPage() {
  const user = await requireUser();
  return (
    <div className="max-w-xl">
      <PageHeader title="New organization" description="Share items with your team. You become the organization's owner." />
      <Card>
        <CreateOrganizationForm billingEmail={user.email} />
      </Card>
    </div>
  );
}
