import { itemAnswer } from "@/lib/bitwarden/items";
import { apiRoute } from "@/lib/bitwarden/route";
import { assignItemCollections } from "../assign-collections";

export const dynamic = "force-dynamic";

type Params = { cipherId: string };

/** Older apps' form of ./collections_v2: the answer is the item itself. */
async function assign(request: Request, { cipherId }: Params) {
  return assignItemCollections(request, cipherId, itemAnswer);
}

export const PUT = apiRoute<Params>(assign);
export const POST = apiRoute<Params>(assign);
