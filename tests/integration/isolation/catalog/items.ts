import { logItemActivity } from "@/app/(vault)/vault/actions";
import type { IsolationEntry } from "./types";

export const ITEM_ACTIONS: IsolationEntry[] = [
  {
    name: "items.logActivity",
    action: logItemActivity,
    // Members who reach the item; provider members do not reach a client's items (DESIGN §6).
    allowed: ["client_owner", "client_member"],
    input: (demo) => ({ cipherId: demo.client1Items[0], type: "cipher_password_copied" }),
  },
];
