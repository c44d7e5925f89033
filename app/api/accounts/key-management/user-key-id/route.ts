import { z } from "zod";
import { defineAction } from "@/lib/authz/action";
import { user } from "@/lib/authz/scope-rules";
import { actionResponse, apiRoute, readJson } from "@/lib/bitwarden/route";
import { recordUserKeyId } from "@/lib/dal/accounts";

export const dynamic = "force-dynamic";

const userKeyIdSchema = z.object({ userKeyId: z.string().trim().min(1).max(64) });

const recordUserKeyIdAction = defineAction({
  name: "account.recordUserKeyId",
  input: userKeyIdSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const recorded = await recordUserKeyId(tx, scope, input.userKeyId);
    await record({ type: "user_key_id_recorded", details: recorded ? undefined : { alreadyRecorded: true } });
    return {};
  },
});

/** The apps record the id they give the user key once (it is not secret); the sync then tells the others. */
export const POST = apiRoute(async (request) => {
  const body = await readJson(request, userKeyIdSchema);
  if (!body.ok) return body.response;
  return actionResponse(await recordUserKeyIdAction(body.data), () => undefined);
});
