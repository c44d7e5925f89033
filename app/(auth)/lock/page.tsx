import type { Metadata } from "next";
import { requireUser } from "@/lib/authz/scope";
import { safeReturnPath } from "@/lib/safe-redirect";
import { UnlockForm } from "./unlock-form";

export const metadata: Metadata = { title: "Vault locked" };

export default async function LockPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const returnTo = safeReturnPath(typeof params.returnTo === "string" ? params.returnTo : undefined);
  return <UnlockForm email={user.email} returnTo={returnTo} />;
}
