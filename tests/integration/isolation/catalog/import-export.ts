import type { IsolationEntry } from "./types";

export const IMPORT_EXPORT_ACTIONS: IsolationEntry[] = [];
