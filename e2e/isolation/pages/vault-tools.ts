import { type PageEntry, SIGNED_IN } from "../types";

/** The generator is every signed-in person's (the organization's policy only shapes what it makes). */
export const VAULT_TOOLS_PAGES: PageEntry[] = [{ path: () => "/generator", allowed: SIGNED_IN }];
