import type { PageEntry } from "../types";

export const ADMIN_PAGES: PageEntry[] = [];
