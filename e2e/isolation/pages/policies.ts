import type { PageEntry } from "../types";

export const POLICIES_PAGES: PageEntry[] = [];
