import { register } from "@/app/(auth)/register/actions";
import type { IsolationEntry } from "./types";

export const ACCOUNT_ACTIONS: IsolationEntry[] = [
  { name: "account.register", action: register, public: true, allowed: [], input: () => ({}) },
];
