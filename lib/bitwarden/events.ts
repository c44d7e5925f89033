import "server-only";
import type { ITEM_ACTIVITY_TYPES } from "@/lib/validation/items";

type ItemActivity = (typeof ITEM_ACTIVITY_TYPES)[number];

/** Bitwarden's client event numbers for what Keyhouse logs of an item's use. */
const ACTIVITY_NUMBERS: Record<number, ItemActivity> = {
  1107: "cipher_viewed",
  1108: "cipher_password_viewed",
  1111: "cipher_password_copied",
};

export function activityOfEventNumber(type: number): ItemActivity | null {
  return ACTIVITY_NUMBERS[type] ?? null;
}
