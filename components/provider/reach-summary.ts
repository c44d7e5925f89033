import { counted } from "@/lib/counted";
import type { MemberReach } from "@/lib/dal/provider-scopes";

/** How the Members page names a member's reach: "All clients", "All clients (admin)" or "3 clients, 1 group". */
export function reachSummary(role: string, reach: MemberReach | undefined): string {
  if (role === "provider_admin") return "All clients (admin)";
  if (!reach || reach.allClients) return "All clients";
  const parts = [
    reach.clientIds.length > 0 ? counted(reach.clientIds.length, "client") : null,
    reach.groupIds.length > 0 ? counted(reach.groupIds.length, "group") : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "No clients";
}
