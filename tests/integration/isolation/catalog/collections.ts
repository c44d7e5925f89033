import {
  createCollectionAction,
  deleteCollectionAction,
  updateCollectionAction,
} from "@/app/(console)/organizations/[organizationId]/collections/actions";
import { FAKE_ENC_2 } from "../../../support/fakes";
import type { IsolationEntry } from "./types";

/** Console rights in "My Client's Organization": its owner and the managing provider's members. */
const CONSOLE = ["client_owner", "service_user", "provider_admin"] as const;

export const COLLECTION_ACTIONS: IsolationEntry[] = [
  {
    name: "organization.collections.create",
    grants: true,
    action: createCollectionAction,
    allowed: CONSOLE,
    input: (demo) => ({ organizationId: demo.client1, name: FAKE_ENC_2 }),
  },
  {
    name: "organization.collections.update",
    grants: true,
    action: updateCollectionAction,
    allowed: CONSOLE,
    input: (demo) => ({
      organizationId: demo.client1,
      collectionId: demo.client1Collection,
      name: FAKE_ENC_2,
      members: [{ id: demo.organizationUsers.user1, level: "manage" }],
    }),
  },
  {
    name: "organization.collections.delete",
    grants: false,
    action: deleteCollectionAction,
    allowed: CONSOLE,
    input: (demo) => ({ organizationId: demo.client1, collectionId: demo.client1Collection }),
  },
];
