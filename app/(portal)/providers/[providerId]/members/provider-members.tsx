"use client";

import { type ComponentProps, useState } from "react";
import { MembersManager } from "@/components/members/members-manager";
import type { MemberView } from "@/components/members/types";
import type { Choice } from "@/components/provider/choice-list";
import { reachSummary } from "@/components/provider/reach-summary";
import type { MemberReach } from "@/lib/dal/provider-scopes";
import { ClientAccessDialog } from "./client-access-dialog";

/** The shared members screen with what only providers have: each member's client access, and its dialog. */
export function ProviderMembers({
  reach,
  clients,
  groups,
  ...manager
}: Omit<ComponentProps<typeof MembersManager>, "extraColumn" | "extraRowItems"> & {
  reach: Record<string, MemberReach>;
  clients: Choice[];
  groups: Choice[];
}) {
  const [editing, setEditing] = useState<MemberView | null>(null);
  const providerId = manager.tenant.id;
  return (
    <>
      <MembersManager
        {...manager}
        extraColumn={{ header: "Client access", cell: (member) => reachSummary(member.type, reach[member.id]) }}
        // Provider admins always reach every client: their row has nothing to edit.
        extraRowItems={(member) =>
          member.type === "service_user" ? [{ label: "Client access", onSelect: () => setEditing(member) }] : []
        }
      />
      {editing ? (
        <ClientAccessDialog
          providerId={providerId}
          member={editing}
          reach={reach[editing.id] ?? { allClients: true, clientIds: [], groupIds: [] }}
          clients={clients}
          groups={groups}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
