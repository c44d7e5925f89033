import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/safe-redirect";
import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "Create account" };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await getSession()) redirect(returnTo);
  const email = typeof params.email === "string" ? params.email : "";
  return <RegisterForm initialEmail={email} returnTo={returnTo} />;
}
