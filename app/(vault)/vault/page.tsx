import type { Metadata } from "next";
import { requireUser } from "@/lib/authz/scope";

export const metadata: Metadata = { title: "Vault" };

export default async function VaultPage() {
  const user = await requireUser();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">My vault</h1>
        <p className="text-sm text-slate-600">Welcome, {user.name}. Your vault is unlocked in this tab.</p>
      </div>
      <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
        <p className="font-medium">There are no items to list.</p>
        <p className="mt-1 text-sm text-slate-600">Items you save are encrypted in this browser before they reach the server.</p>
      </div>
    </div>
  );
}
