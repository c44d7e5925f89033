"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { IndeterminateProgress, ProgressBar } from "@/components/ui/progress";
import { type ReportItems, useReportItems } from "./use-report-items";

/**
 * The frame of an item report: loads and decrypts the organization's items with visible progress, says what the
 * report could not check, then renders the report itself from the decrypted items.
 */
export function ItemReport({
  organizationId,
  checksPasswords,
  children,
}: {
  organizationId: string;
  /** Password reports skip logins whose passwords the member may not see, and say so. */
  checksPasswords: boolean;
  children: (report: ReportItems) => ReactNode;
}) {
  const state = useReportItems(organizationId);
  switch (state.phase) {
    case "loading":
      return <IndeterminateProgress label="Loading the organization's items…" />;
    case "decrypting":
      return (
        <ProgressBar
          label={`Decrypting items in this browser: ${state.done} of ${state.total}`}
          value={state.done}
          max={state.total}
        />
      );
    case "error":
      return (
        <Alert tone="error" title="The report could not be prepared">
          {state.message}
        </Alert>
      );
    case "ready": {
      const { withoutPasswords, undecryptable } = state.report;
      return (
        <div className="flex flex-col gap-4">
          {checksPasswords && withoutPasswords > 0 ? (
            <Alert tone="info">
              {withoutPasswords === 1
                ? "1 login is not checked: you may view it only without its password, so its password never reaches this browser."
                : `${withoutPasswords} logins are not checked: you may view them only without their passwords, so their passwords never reach this browser.`}
            </Alert>
          ) : null}
          {undecryptable > 0 ? (
            <Alert tone="warning">
              {undecryptable === 1
                ? "1 item could not be decrypted with the organization key and is not in this report."
                : `${undecryptable} items could not be decrypted with the organization key and are not in this report.`}
            </Alert>
          ) : null}
          {children(state.report)}
        </div>
      );
    }
  }
}
