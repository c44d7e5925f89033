import type { PageEntry } from "../types";

export const REPORTS_PAGES: PageEntry[] = [];
