import "server-only";
import { env } from "@/lib/server/env";

/** The demo logins of DESIGN §10 (kept apart from the database so the start script can print them). */
export const DEMO_ACCOUNTS = [
  { email: "admin@demo-msp.example", name: "Dana Admin", role: "Provider admin of Demo MSP" },
  { email: "tech@demo-msp.example", name: "Toni Tech", role: "Service user of Demo MSP" },
  { email: "owner@client1.example", name: "Olive Owner", role: "Owner of My Client's Organization" },
  { email: "owner@client2.example", name: "Oscar Owner", role: "Owner of Second Client's Organization" },
  { email: "owner@client3.example", name: "Opal Owner", role: "Owner of Third Client's Organization" },
  { email: "user@client1.example", name: "Uma User", role: "Member of My Client's Organization" },
] as const;

export type DemoEmail = (typeof DEMO_ACCOUNTS)[number]["email"];

export function demoPassword(): string {
  return env().DEMO_PASSWORD;
}
