"use client";

import { useEffect, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { formatMoment } from "@/components/provider-access/format";
import type { GrantedOrganization } from "@/lib/dal/provider-access";

/**
 * The clients whose items this page shows through a grant, split by the browser's clock into those still in force
 * and those that ended while the page was open. The server stops serving them at expiry by itself (its query compares
 * with the database's clock); this only takes them off a page that was loaded before.
 */
export function useGrantsInForce(grants: GrantedOrganization[]) {
  const [now, setNow] = useState(() => Date.now());
  const next = useMemo(
    () =>
      grants
        .map((grant) => Date.parse(grant.expiresAt))
        .filter((end) => end > now)
        .sort((a, b) => a - b)[0],
    [grants, now],
  );
  useEffect(() => {
    if (next === undefined) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, next - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [next]);
  return useMemo(
    () => ({
      inForce: grants.filter((grant) => Date.parse(grant.expiresAt) > now),
      ended: grants.filter((grant) => Date.parse(grant.expiresAt) <= now),
    }),
    [grants, now],
  );
}

/** What the person reads through a client's grant, and until when; and which grants ended while the page was open. */
export function ClientGrantsNotice({
  inForce,
  ended,
}: {
  inForce: GrantedOrganization[];
  ended: GrantedOrganization[];
}) {
  if (inForce.length === 0 && ended.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      {inForce.map((grant) => (
        <Alert key={grant.id} tone="info">
          {grant.name} lets you {grant.access === "edit" ? "view and edit" : "view"} its items until{" "}
          {formatMoment(grant.expiresAt)}, as {grant.providerName}. Every view, copy and change is in its event log.
        </Alert>
      ))}
      {ended.map((grant) => (
        <Alert key={grant.id} tone="warning">
          Your access to {grant.name}&apos;s items ended.
        </Alert>
      ))}
    </div>
  );
}
