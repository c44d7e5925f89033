import type { MemberFilterTab } from "./members-manager";

/** The filter tabs above a members list; "Revoked" only where members can be revoked (organizations). */
export function memberFilterTabs(counts: {
  all: number;
  invited: number;
  accepted: number;
  revoked?: number;
}): MemberFilterTab[] {
  return [
    { value: "all", label: "All", count: counts.all },
    { value: "invited", label: "Invited", count: counts.invited },
    { value: "accepted", label: "Needs confirmation", count: counts.accepted },
    ...(counts.revoked === undefined ? [] : [{ value: "revoked", label: "Revoked", count: counts.revoked }]),
  ];
}
