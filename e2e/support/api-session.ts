import type { APIRequestContext } from "@playwright/test";
import { deriveMasterKey, hashMasterPassword } from "../../tests/support/node-bitwarden";

/**
 * Signs a request context in through the documented interfaces (pre-login, next-auth credentials), computing the
 * master password hash with the independent Node implementation.
 */
export async function signInApi(request: APIRequestContext, email: string, password: string): Promise<void> {
  const prelogin = await request.post("/api/accounts/prelogin", { data: { email } });
  const { kdfIterations } = (await prelogin.json()) as { kdfIterations: number };
  const masterPasswordHash = hashMasterPassword(deriveMasterKey(password, email, kdfIterations), password);
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, masterPasswordHash, callbackUrl: "/vault" },
    maxRedirects: 0,
  });
  if (response.status() !== 302 || (response.headers().location ?? "").includes("error")) {
    throw new Error(`could not sign in as ${email}`);
  }
}

export type KeyMaterialIds = {
  userId: string;
  organizations: { id: string; name: string }[];
  providers: { id: string; name: string }[];
  providerOrganizations: { providerId: string; organizationId: string }[];
};

export async function keyMaterial(request: APIRequestContext): Promise<KeyMaterialIds> {
  const response = await request.get("/api/accounts/keys");
  if (!response.ok()) throw new Error(`key material: ${response.status()}`);
  return (await response.json()) as KeyMaterialIds;
}
