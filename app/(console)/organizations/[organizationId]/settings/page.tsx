import { redirect } from "next/navigation";

export default async function SettingsHome({ params }: { params: Promise<{ organizationId: string }> }) {
  const { organizationId } = await params;
  redirect(`/organizations/${organizationId}/settings/info`);
}
