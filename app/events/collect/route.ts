import { z } from "zod";
import { logItemActivity } from "@/app/(vault)/vault/actions";
import { requireUser } from "@/lib/authz/scope";
import { activityOfEventNumber } from "@/lib/bitwarden/events";
import { apiRoute, readJson } from "@/lib/bitwarden/route";
import { uuidSchema } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

const collectedEvents = z
  .array(z.object({ type: z.number().int(), cipherId: uuidSchema.nullish(), date: z.string().max(64).optional() }))
  .max(100);

/**
 * What an app saw happen (an item viewed, a password copied): each event goes through the same action as the web
 * vault's, so it lands in the item's organization's log only if the caller may see the item. Kinds Keyhouse does not
 * log are dropped; the apps only need a 200.
 */
export const POST = apiRoute(async (request) => {
  await requireUser();
  const body = await readJson(request, collectedEvents);
  if (!body.ok) return body.response;
  for (const event of body.data) {
    const type = activityOfEventNumber(event.type);
    if (type && event.cipherId) await logItemActivity({ cipherId: event.cipherId, type });
  }
  return new Response(null, { status: 200 });
});
