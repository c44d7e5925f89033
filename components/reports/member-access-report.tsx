"use client";

import { StatusBadge } from "@/components/members/status-badge";
import { useDecryptedNames } from "@/components/organization/use-decrypted-names";
import { EmptyState } from "@/components/ui/empty-state";
import { IndeterminateProgress } from "@/components/ui/progress";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { AccessVia, MemberAccess, MemberAccessReport as Report } from "@/lib/dal/member-access";
import type { OrganizationRole } from "@/lib/enums";
import { ACCESS_LEVEL_LABELS } from "@/lib/vault/access-levels";

const ROLE_LABELS: Record<OrganizationRole, string> = {
  owner: "Owner",
  admin: "Admin",
  user: "User",
  custom: "Custom",
};

/** "all collections as Owner", or the grants: "direct, group Sales, group Support". */
function describeVia(via: AccessVia): string {
  if (via.role) return `all collections as ${ROLE_LABELS[via.role]}`;
  return [...(via.direct ? ["direct"] : []), ...via.groups.map((group) => `group ${group}`)].join(", ");
}

type NamedAccess = MemberAccess["collections"][number] & { name: string };

function CollectionList({ access }: { access: NamedAccess[] }) {
  if (access.length === 0) return <span className="text-slate-600">No collections</span>;
  return (
    <ul className="flex flex-col gap-1">
      {access.map((entry) => (
        <li key={entry.collectionId}>
          <span className="font-medium">{entry.name}</span>: {ACCESS_LEVEL_LABELS[entry.level]}{" "}
          <span className="text-slate-600">({describeVia(entry.via)})</span>
        </li>
      ))}
    </ul>
  );
}

/** Every member and the collections they reach, with collection names decrypted in this browser. */
export function MemberAccessReport({ organizationId, report }: { organizationId: string; report: Report }) {
  const names = useDecryptedNames(organizationId, report.collections);
  if (report.members.length === 0)
    return <EmptyState title="No members">Invite members on the Members page.</EmptyState>;
  if (!names) return <IndeterminateProgress label="Decrypting collection names…" />;
  const named = (member: MemberAccess): NamedAccess[] =>
    member.collections
      .map((entry) => ({ ...entry, name: names.get(entry.collectionId) ?? "" }))
      .sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
  return (
    <Table caption={`Member access: ${report.members.length} ${report.members.length === 1 ? "member" : "members"}`}>
      <THead>
        <TH>Member</TH>
        <TH>Role</TH>
        <TH>Collections and access</TH>
      </THead>
      <TBody>
        {report.members.map((member) => (
          <TR key={member.id} className="align-top">
            <RowHeader>
              <div>{member.email}</div>
              {member.name ? <div className="font-normal text-slate-600">{member.name}</div> : null}
            </RowHeader>
            <TD>
              <div>{ROLE_LABELS[member.role]}</div>
              {member.status === "confirmed" ? null : (
                <div className="mt-1">
                  <StatusBadge status={member.status} />
                </div>
              )}
            </TD>
            <TD>
              <CollectionList access={named(member)} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
