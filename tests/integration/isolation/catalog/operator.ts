import type { IsolationEntry } from "./types";

export const OPERATOR_ACTIONS: IsolationEntry[] = [];
