import { providerApiDocument } from "@/lib/provider-api/openapi";

// The same for everyone and every request: made once, at build.
export const dynamic = "force-static";

export function GET() {
  return Response.json(providerApiDocument());
}
