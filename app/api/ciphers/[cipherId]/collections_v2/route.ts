import { cipherResponse } from "@/lib/bitwarden/ciphers";
import { apiRoute } from "@/lib/bitwarden/route";
import { getVaultItem } from "@/lib/dal/items";
import { assignItemCollections } from "../assign-collections";

export const dynamic = "force-dynamic";

type Params = { cipherId: string };

/**
 * Puts an organization item in exactly these collections among those the caller may add to. The answer says whether
 * the caller still reaches it (they may have taken it out of their own collections).
 */
async function assign(request: Request, { cipherId }: Params) {
  return assignItemCollections(request, cipherId, async (scope, itemId) => {
    const after = await getVaultItem(scope, itemId);
    return {
      object: "optionalCipherDetails",
      unavailable: !after,
      cipher: after ? cipherResponse(after.item, after.useTotp) : null,
    };
  });
}

export const PUT = apiRoute<Params>(assign);
export const POST = apiRoute<Params>(assign);
