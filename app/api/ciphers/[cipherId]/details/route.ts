import { requireUser } from "@/lib/authz/scope";
import { itemAnswer } from "@/lib/bitwarden/items";
import { apiRoute } from "@/lib/bitwarden/route";

export const dynamic = "force-dynamic";

type Params = { cipherId: string };

/** The item with the caller's rights on it (the same answer as ../route.ts's GET). */
export const GET = apiRoute<Params>(async (_request, { cipherId }) => itemAnswer(await requireUser(), cipherId));
