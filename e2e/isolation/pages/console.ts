import type { PageEntry } from "../types";

export const CONSOLE_PAGES: PageEntry[] = [];
