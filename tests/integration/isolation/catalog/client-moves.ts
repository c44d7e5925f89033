import {
  cancelMoveAsOwnerAction,
  claimMoveAction,
} from "@/app/(console)/organizations/[organizationId]/settings/provider/actions";
import {
  cancelMoveAsProviderAction,
  completeMoveAction,
  issueMoveCodeAction,
} from "@/app/(portal)/providers/[providerId]/clients/move-actions";
import { FAKE_ENC_2, UNKNOWN_ID } from "../../../support/fakes";
import type { IsolationEntry } from "./types";

const VERIFIER = Buffer.alloc(32, 1).toString("base64");

/**
 * A client's move to another provider (issue 15): Demo MSP's admins issue codes and complete moves to Demo MSP; the
 * owner of "My Client's Organization" enters a code or cancels its move.
 */
export const CLIENT_MOVE_ACTIONS: IsolationEntry[] = [
  {
    name: "provider.clientMoves.issue",
    grants: false,
    action: issueMoveCodeAction,
    allowed: ["provider_admin"],
    input: (demo) => ({ providerId: demo.providerId, secret: FAKE_ENC_2, verifier: VERIFIER }),
  },
  {
    name: "provider.clientMoves.complete",
    grants: true,
    action: completeMoveAction,
    allowed: ["provider_admin"],
    input: (demo) => ({ providerId: demo.providerId, moveId: UNKNOWN_ID, key: FAKE_ENC_2 }),
  },
  {
    name: "provider.clientMoves.cancel",
    grants: false,
    action: cancelMoveAsProviderAction,
    allowed: ["provider_admin"],
    input: (demo) => ({ providerId: demo.providerId, moveId: UNKNOWN_ID }),
  },
  {
    name: "organization.clientMove.claim",
    grants: true,
    action: claimMoveAction,
    allowed: ["client_owner"],
    input: (demo) => ({
      organizationId: demo.client1,
      moveId: UNKNOWN_ID,
      verifier: VERIFIER,
      transferKey: FAKE_ENC_2,
    }),
  },
  {
    name: "organization.clientMove.cancel",
    grants: false,
    action: cancelMoveAsOwnerAction,
    allowed: ["client_owner"],
    input: (demo) => ({ organizationId: demo.client1, moveId: UNKNOWN_ID }),
  },
];
