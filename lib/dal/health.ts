import "server-only";
import { sql } from "drizzle-orm";
import { connection } from "@/db/client";

export async function checkDatabase(): Promise<{ ok: boolean; kind: string | null }> {
  try {
    const { db, kind } = await connection();
    await db.execute(sql`select 1`);
    return { ok: true, kind };
  } catch {
    return { ok: false, kind: null };
  }
}
