import type { ReactNode } from "react";
import { Logo } from "@/components/logo";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center bg-slate-100 px-4 py-16">
      <Logo className="mb-8 text-2xl text-slate-900" />
      <div className="w-full max-w-md">{children}</div>
    </main>
  );
}
