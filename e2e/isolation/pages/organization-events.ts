import type { PageEntry } from "../types";

export const ORGANIZATION_EVENTS_PAGES: PageEntry[] = [];
