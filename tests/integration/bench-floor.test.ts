import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/bench/floor/route";
import proxy from "@/proxy";

/** The server benchmark's floor route replays statements from a file: only a server the benchmark started has it. */
describe("the benchmark's floor route", () => {
  it("is a 404 on a server started without KEYHOUSE_BENCH_FLOOR_FILE, through the proxy too", async () => {
    expect(process.env.KEYHOUSE_BENCH_FLOOR_FILE).toBeUndefined();
    const response = await GET(new Request("http://localhost/api/bench/floor?floor=dashboard"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Not found." });
    const gate = await proxy(new NextRequest("http://localhost/api/bench/floor"));
    expect(gate.status).toBe(200);
  });
});
