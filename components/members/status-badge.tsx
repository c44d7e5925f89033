import { cn } from "@/components/ui/cn";
import type { MemberView } from "./types";

const LABELS: Record<MemberView["status"], string> = {
  invited: "Invited",
  accepted: "Needs confirmation",
  confirmed: "Confirmed",
  revoked: "Revoked",
};

const TONES: Record<MemberView["status"], string> = {
  invited: "bg-slate-100 text-slate-700",
  accepted: "bg-amber-100 text-amber-900",
  confirmed: "bg-emerald-100 text-emerald-800",
  revoked: "bg-red-100 text-red-800",
};

export function StatusBadge({ status }: { status: MemberView["status"] }) {
  return <span className={cn("rounded px-2 py-0.5 text-xs font-medium", TONES[status])}>{LABELS[status]}</span>;
}
