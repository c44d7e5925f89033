import type { PageEntry } from "../types";

export const ADMIN_PAGES: PageEntry[] = [
  { path: () => "/admin", allowed: ["operator"] },
  { path: () => "/admin/requests", allowed: ["operator"] },
];
