import "server-only";
import type { LookupAddress } from "node:dns";
import { lookup } from "node:dns/promises";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * The addresses this server may connect to when a user names the destination (website icons, webhooks): public
 * unicast only. Anything else could reach into the network the server sits in (loopback, private ranges, a cloud's
 * metadata service on link-local, a carrier's NAT) and must never be fetched, whatever name pointed there.
 */

type Subnet = readonly [network: string, prefix: number];

/** IANA's special-purpose IPv4 blocks, multicast and the reserved rest (RFC 6890 and its registry). */
const SPECIAL_IPV4: readonly Subnet[] = [
  ["0.0.0.0", 8], // "this network", the unspecified address among them
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, where clouds serve instance metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relays
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and the broadcast address
];

/**
 * IPv6 is allowed only inside global unicast (2000::/3), which leaves out loopback, unspecified, unique-local
 * (fc00::/7), link-local (fe80::/10), multicast (ff00::/8), IPv4-mapped (::ffff:0:0/96) and NAT64 (64:ff9b::/96)
 * addresses. A name that publishes an IPv4 address inside IPv6 is not a plain website, so even a public one is refused.
 */
const GLOBAL_IPV6: readonly Subnet[] = [["2000::", 3]];

/** Inside 2000::/3 but no website's own: protocol assignments with Teredo, documentation, and 6to4 (any IPv4 inside). */
const SPECIAL_IPV6: readonly Subnet[] = [
  ["2001::", 23],
  ["2001:db8::", 32],
  ["2002::", 16],
  ["3fff::", 20],
];

function blockListOf(subnets: readonly Subnet[], type: "ipv4" | "ipv6"): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of subnets) list.addSubnet(network, prefix, type);
  return list;
}

const specialIpv4 = blockListOf(SPECIAL_IPV4, "ipv4");
const globalIpv6 = blockListOf(GLOBAL_IPV6, "ipv6");
const specialIpv6 = blockListOf(SPECIAL_IPV6, "ipv6");

/** Whether `address` (as DNS answered it) is a public unicast address; anything unparsable is not. */
export function isPublicAddress(address: string): boolean {
  // A zone index ("fe80::1%eth0") names one of this machine's interfaces.
  if (address.includes("%")) return false;
  switch (isIP(address)) {
    case 4:
      return !specialIpv4.check(address, "ipv4");
    case 6:
      return globalIpv6.check(address, "ipv6") && !specialIpv6.check(address, "ipv6");
    default:
      return false;
  }
}

const linkLocal = blockListOf([["169.254.0.0", 16]], "ipv4");
// IPv4-mapped addresses too: through them a dual-stack socket reaches any IPv4 address, link-local ones included.
const linkLocalIpv6 = blockListOf(
  [
    ["fe80::", 10],
    ["::ffff:0:0", 96],
  ],
  "ipv6",
);

/**
 * Link-local addresses, where clouds serve instance metadata: never a destination, even where private ones are
 * allowed (a PSA on the local network has a routable address).
 */
function isLinkLocal(address: string): boolean {
  if (address.includes("%")) return true;
  const type = isIP(address);
  return type === 4 ? linkLocal.check(address, "ipv4") : type === 6 ? linkLocalIpv6.check(address, "ipv6") : true;
}

/** A URL's hostname as DNS and sockets take it: an IPv6 literal without its brackets. */
export function bareHost(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, "$1");
}

/**
 * The address to connect to: the name's first, provided that every address it resolves to is public (or, where the
 * operator allows private destinations, none is link-local). A literal IPv6 host may keep its URL brackets.
 */
export async function checkedAddressOf(host: string, { allowPrivate = false } = {}): Promise<LookupAddress | null> {
  let addresses: LookupAddress[];
  try {
    addresses = await lookup(bareHost(host), { all: true });
  } catch {
    return null;
  }
  const allowed = ({ address }: LookupAddress) => (allowPrivate ? !isLinkLocal(address) : isPublicAddress(address));
  return addresses.length > 0 && addresses.every(allowed) ? addresses[0]! : null;
}

/** A resolver for node:https that knows only the checked address, so the connection cannot go anywhere else. */
export function pinnedLookup(address: LookupAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [address]);
    else callback(null, address.address, address.family);
  };
}
