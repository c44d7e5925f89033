"use server";

import { ActionError, defineAction } from "@/lib/authz/action";
import { requireUser } from "@/lib/authz/scope";
import { findReachableItem } from "@/lib/dal/items";
import { itemActivitySchema } from "@/lib/validation/items";

/** The browser says it showed an item, or copied from it; organization items land in that organization's event log. */
export const logItemActivity = defineAction({
  name: "items.logActivity",
  input: itemActivitySchema,
  authorize: () => requireUser(),
  async run({ input, scope, tx, record }) {
    const item = await findReachableItem(tx, scope, input.cipherId);
    if (!item) throw new ActionError("This item does not exist or is not yours to see.");
    const aboutPassword = input.type === "cipher_password_viewed" || input.type === "cipher_password_copied" || input.type === "cipher_totp_copied";
    if (aboutPassword && !item.viewPassword) throw new ActionError("You may not see this item's password.");
    await record({ type: input.type, cipherId: item.id, organizationId: item.organizationId });
    return {};
  },
});
