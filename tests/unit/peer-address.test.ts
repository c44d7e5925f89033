import { createServer, type IncomingHttpHeaders, request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER, stampPeerAddresses } from "@/lib/server/peer-address";

/** What a request handler sees of a request sent with `headers`, over loopback to a real HTTP server. */
function headersSeenFor(port: number, headers: Record<string, string>): Promise<IncomingHttpHeaders> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, path: "/", headers }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve(JSON.parse(body) as IncomingHttpHeaders));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("stampPeerAddresses (the connection's address for the event log)", () => {
  const server = createServer((incoming, response) => response.end(JSON.stringify(incoming.headers)));
  let port = 0;

  beforeAll(async () => {
    stampPeerAddresses();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("stamps every request with the address it came from, before the handler runs", async () => {
    expect((await headersSeenFor(port, {}))[PEER_ADDRESS_HEADER]).toBe("127.0.0.1");
  });

  it("replaces an address a client wrote under the same name", async () => {
    const seen = await headersSeenFor(port, { [PEER_ADDRESS_HEADER]: "203.0.113.7" });
    expect(seen[PEER_ADDRESS_HEADER]).toBe("127.0.0.1");
  });
});
