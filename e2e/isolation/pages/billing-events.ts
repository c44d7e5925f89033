import type { PageEntry } from "../types";

export const BILLING_EVENTS_PAGES: PageEntry[] = [];
