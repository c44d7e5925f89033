import { redirect } from "next/navigation";

export default async function ProviderHome({ params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  redirect(`/providers/${providerId}/clients`);
}
