import type { PageEntry } from "../types";

export const ORGANIZATION_SETTINGS_PAGES: PageEntry[] = [];
