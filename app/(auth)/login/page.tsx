import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/safe-redirect";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callback = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  const returnTo = safeReturnPath(callback);
  if (await getSession()) redirect(returnTo);
  const email = typeof params.email === "string" ? params.email : "";
  return <LoginForm returnTo={returnTo} initialEmail={email} />;
}
