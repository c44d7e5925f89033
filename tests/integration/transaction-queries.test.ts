import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { inviteProviderMembersAction } from "@/app/(portal)/providers/[providerId]/members/actions";
import { createTestProvider, createTestUser, uniqueEmail } from "../support/factories";
import { signInAs } from "../support/session";

/**
 * A transaction is one connection, which runs one query at a time: pg queues a query sent while another runs (and
 * deprecates doing so). Queries of one transaction go one after the other. Only a pg connection can tell.
 */
const onPostgres = process.env.KEYHOUSE_TEST_DB === "postgres";

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const originalQuery = pg.Client.prototype.query as Query;

/** Records the text of every query sent on a connection while another query of it is still running. */
function watchOverlappingQueries(): string[] {
  const overlapping: string[] = [];
  const running = new WeakMap<pg.Client, number>();
  const watched: Query = function (this: pg.Client, ...args) {
    const result = originalQuery.apply(this, args);
    // The callback form is the pool's own single query per checkout; transactions use promises.
    if (typeof args.at(-1) === "function" || !(result instanceof Promise)) return result;
    const busy = running.get(this) ?? 0;
    if (busy > 0) overlapping.push(typeof args[0] === "string" ? args[0] : String((args[0] as { text?: string }).text));
    running.set(this, busy + 1);
    return result.finally(() => running.set(this, (running.get(this) ?? 1) - 1));
  };
  pg.Client.prototype.query = watched as typeof pg.Client.prototype.query;
  return overlapping;
}

afterEach(() => {
  pg.Client.prototype.query = originalQuery as typeof pg.Client.prototype.query;
});

describe.skipIf(!onPostgres)("queries of one transaction", () => {
  it("inviting several provider members sends the transaction's queries one at a time", async () => {
    const admin = await createTestUser();
    const provider = await createTestProvider(admin);
    await signInAs(admin.id);
    const overlapping = watchOverlappingQueries();
    const emails = [uniqueEmail("a"), uniqueEmail("b"), uniqueEmail("c")];
    expect(
      await inviteProviderMembersAction({ providerId: provider.id, emails: emails.join(", "), type: "service_user" }),
    ).toEqual({ ok: true, invited: 3 });
    expect(overlapping).toEqual([]);
  });
});
