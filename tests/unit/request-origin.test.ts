import { afterEach, describe, expect, it, vi } from "vitest";
import { originFromHeaders } from "@/lib/auth/request-origin";
import { PEER_ADDRESS_HEADER } from "@/lib/server/peer-address";

function origin(headers: Record<string, string>) {
  return originFromHeaders(new Headers(headers));
}

describe("originFromHeaders (the address and device written to event logs)", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("ignores forwarding headers without TRUST_PROXY: anyone can send them, so the address is unknown", () => {
    vi.stubEnv("TRUST_PROXY", "");
    expect(origin({ "x-real-ip": "203.0.113.7", "user-agent": "Firefox" })).toEqual({ ip: null, device: "Firefox" });
    expect(origin({ "x-forwarded-for": "203.0.113.7" }).ip).toBeNull();
  });

  it("without TRUST_PROXY takes the connection's own address, IPv4 written as such", () => {
    vi.stubEnv("TRUST_PROXY", "");
    expect(origin({ [PEER_ADDRESS_HEADER]: "192.0.2.4", "x-forwarded-for": "203.0.113.7" }).ip).toBe("192.0.2.4");
    expect(origin({ [PEER_ADDRESS_HEADER]: "::ffff:127.0.0.1" }).ip).toBe("127.0.0.1");
    expect(origin({ [PEER_ADDRESS_HEADER]: "::1" }).ip).toBe("::1");
  });

  it("with TRUST_PROXY=true prefers the proxy's report to the connection (the proxy's own address)", () => {
    vi.stubEnv("TRUST_PROXY", "true");
    expect(origin({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-real-ip": "203.0.113.7" }).ip).toBe("203.0.113.7");
    expect(origin({ [PEER_ADDRESS_HEADER]: "10.0.0.2" }).ip).toBe("10.0.0.2");
  });

  it("refuses a TRUST_PROXY that is neither true nor false rather than guessing", () => {
    vi.stubEnv("TRUST_PROXY", "yes");
    expect(() => origin({ "x-real-ip": "203.0.113.7" })).toThrow("TRUST_PROXY must be true or false");
  });

  it("with TRUST_PROXY=true takes the address the proxy reports: X-Real-IP, else the last X-Forwarded-For entry", () => {
    vi.stubEnv("TRUST_PROXY", "true");
    expect(origin({ "x-real-ip": "203.0.113.7", "x-forwarded-for": "198.51.100.1, 203.0.113.9" }).ip).toBe(
      "203.0.113.7",
    );
    // A proxy appends the address it saw; whatever precedes it came from the client and proves nothing.
    expect(origin({ "x-forwarded-for": "198.51.100.1, 203.0.113.9" }).ip).toBe("203.0.113.9");
    expect(origin({ "x-forwarded-for": "2001:db8::1" }).ip).toBe("2001:db8::1");
  });

  it("records no address rather than text that is not one", () => {
    vi.stubEnv("TRUST_PROXY", "true");
    expect(origin({ "x-real-ip": "<script>alert(1)</script>" }).ip).toBeNull();
    expect(origin({ "x-forwarded-for": "198.51.100.1, not-an-address" }).ip).toBeNull();
    expect(origin({}).ip).toBeNull();
    vi.stubEnv("TRUST_PROXY", "false");
    expect(origin({ [PEER_ADDRESS_HEADER]: "not-an-address" }).ip).toBeNull();
  });

  it("keeps at most 256 characters of the user agent", () => {
    expect(origin({ "user-agent": "x".repeat(1000) }).device).toHaveLength(256);
  });
});
