import { apiRoute } from "@/lib/bitwarden/route";
import { answerTokenRequest } from "@/lib/bitwarden/token-grants";

export const dynamic = "force-dynamic";

/** The official apps' login and token refresh (lib/bitwarden/token-grants.ts). */
export const POST = apiRoute((request) => answerTokenRequest(request));
