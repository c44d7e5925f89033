import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";
import { policiesForInvitation } from "@/lib/dal/policies";
import { safeReturnPath } from "@/lib/safe-redirect";
import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "Create account" };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await getSession()) redirect(returnTo);
  const email = typeof params.email === "string" ? params.email : "";
  const token = organizationInvitationToken(returnTo);
  const masterPasswordPolicy = token ? await policiesForInvitation(token) : null;
  return <RegisterForm initialEmail={email} returnTo={returnTo} masterPasswordPolicy={masterPasswordPolicy} />;
}

/** Registering from an organization invitation returns to its accept link, whose token names the organization. */
function organizationInvitationToken(returnTo: string): string | null {
  const url = new URL(returnTo, "http://keyhouse.invalid");
  return url.pathname === "/accept/organization" ? url.searchParams.get("token") : null;
}
