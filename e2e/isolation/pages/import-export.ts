import type { PageEntry } from "../types";

export const IMPORT_EXPORT_PAGES: PageEntry[] = [];
