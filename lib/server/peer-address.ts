import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/**
 * The address of the connection a request came on, carried in a header of our own: Next.js hands route handlers,
 * server actions and the proxy the request's headers, never its socket. Node's HTTP server announces each request on
 * a diagnostics channel before any listener (Next.js included) sees it; the stamp is made there, replacing whatever a
 * client sent under the same name, so the header can be believed.
 */
export const PEER_ADDRESS_HEADER = "x-keyhouse-peer-address";

type RequestStart = { request: IncomingMessage; socket: Socket };

/** Called once at start (instrumentation.ts). */
export function stampPeerAddresses(): void {
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as RequestStart;
    const address = socket.remoteAddress;
    if (address) request.headers[PEER_ADDRESS_HEADER] = address;
    else delete request.headers[PEER_ADDRESS_HEADER];
  });
}
