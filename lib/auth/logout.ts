import "server-only";
import type { JWT } from "next-auth/jwt";
import { revokeSession } from "@/lib/dal/sessions";
import { inTransaction } from "@/lib/dal/transaction";
import { uuidSchema } from "@/lib/validation/common";

/**
 * Logging out ends the session on the server, not only in this browser: next-auth hands its signOut event the
 * decoded cookie, whose session row is revoked, so a copy of the cookie stops working too.
 */
export async function revokeTokenSession(token: JWT | null): Promise<void> {
  const sessionId = uuidSchema.safeParse(token?.sid);
  if (sessionId.success) await inTransaction((tx) => revokeSession(tx, sessionId.data));
}
