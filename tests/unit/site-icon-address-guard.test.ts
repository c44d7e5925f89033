import { describe, expect, it } from "vitest";
import { checkedAddressOf, isPublicAddress } from "@/lib/server/address-guard";

/** Website icons are fetched only from public unicast addresses: nothing a name could point at inside our network. */
describe("isPublicAddress", () => {
  it.each([
    "93.184.215.14",
    "8.8.8.8",
    "1.1.1.1",
    "100.63.255.255", // just below carrier-grade NAT
    "100.128.0.0", // just above it
    "172.15.255.255",
    "172.32.0.0",
    "192.169.0.1",
    "223.255.255.254",
    "2606:4700:4700::1111",
    "2a00:1450:4001:80b::200e",
    "2001:4860:4860::8888",
  ])("lets the public address %s through", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "this network"],
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.254", "carrier-grade NAT"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["169.254.169.254", "link-local (cloud metadata)"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.0.0.8", "IETF protocol assignments"],
    ["192.0.2.1", "documentation"],
    ["192.88.99.1", "6to4 relay"],
    ["192.168.1.1", "private"],
    ["198.18.0.1", "benchmarking"],
    ["198.19.255.255", "benchmarking"],
    ["198.51.100.7", "documentation"],
    ["203.0.113.9", "documentation"],
    ["224.0.0.251", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "broadcast"],
    ["::", "IPv6 unspecified"],
    ["::1", "IPv6 loopback"],
    ["fc00::1", "unique local"],
    ["fd12:3456:789a::1", "unique local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local with a zone"],
    ["febf:ffff::1", "link-local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback, in hex"],
    ["0:0:0:0:0:ffff:a9fe:a9fe", "IPv4-mapped metadata address"],
    ["::ffff:10.0.0.1", "IPv4-mapped private"],
    ["::ffff:8.8.8.8", "IPv4-mapped, even public"],
    ["::127.0.0.1", "IPv4-compatible"],
    ["64:ff9b::a00:1", "NAT64"],
    ["100::1", "discard-only"],
    ["2001::1", "Teredo"],
    ["2001:db8::1", "documentation"],
    ["2002:7f00:1::1", "6to4 around loopback"],
    ["3fff::1", "documentation"],
    ["localhost", "a name, not an address"],
    ["", "nothing"],
    ["1.2.3", "not an address"],
    ["999.1.1.1", "not an address"],
  ])("refuses %s (%s)", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});

describe("checkedAddressOf where private destinations are allowed (webhooks on the server's own network)", () => {
  it("takes private and loopback addresses, never link-local ones or IPv4 inside IPv6", async () => {
    expect(await checkedAddressOf("10.0.0.5", { allowPrivate: true })).toMatchObject({ address: "10.0.0.5" });
    expect(await checkedAddressOf("127.0.0.1", { allowPrivate: true })).toMatchObject({ address: "127.0.0.1" });
    expect(await checkedAddressOf("[fd00::1]", { allowPrivate: true })).toMatchObject({ address: "fd00::1" });
    for (const host of ["169.254.169.254", "[fe80::1]", "[::ffff:169.254.169.254]", "[::ffff:a9fe:a9fe]"])
      expect(await checkedAddressOf(host, { allowPrivate: true })).toBeNull();
  });

  it("takes public addresses only otherwise", async () => {
    expect(await checkedAddressOf("10.0.0.5")).toBeNull();
    expect(await checkedAddressOf("[2606:4700::1111]")).toMatchObject({ address: "2606:4700::1111" });
  });
});
