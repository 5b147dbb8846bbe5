import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it.each([
    // no proxy: the TCP peer, whatever X-Forwarded-For says
    ["no proxy, no header", null, "203.0.113.9", 0, "203.0.113.9"],
    ["no proxy, a forged header", "198.51.100.1", "203.0.113.9", 0, "203.0.113.9"],
    ["no proxy, IPv4-mapped IPv6 peer", null, "::ffff:203.0.113.9", 0, "203.0.113.9"],
    ["no proxy, IPv6 peer", null, "2001:db8::1", 0, "2001:db8::1"],
    // one proxy: the entry it appended, never what the client put before it
    ["one proxy", "203.0.113.9", "10.0.0.2", 1, "203.0.113.9"],
    ["one proxy, a forged entry in front", "198.51.100.1, 203.0.113.9", "10.0.0.2", 1, "203.0.113.9"],
    ["one proxy, spaces and IPv6", " 198.51.100.1 ,2001:db8::7 ", "10.0.0.2", 1, "2001:db8::7"],
    ["one proxy that sent no header", null, "10.0.0.2", 1, "10.0.0.2"],
    // two proxies (CDN + load balancer)
    ["two proxies", "198.51.100.1, 203.0.113.9, 172.16.0.5", "10.0.0.2", 2, "203.0.113.9"],
    ["two proxies, one entry only", "203.0.113.9", "10.0.0.2", 2, "203.0.113.9"],
    // the peer unknown (route handlers without npm start's server): the rightmost entry is the peer
    ["no peer, no proxy", "198.51.100.1, 203.0.113.9", null, 0, "203.0.113.9"],
    ["no peer, no proxy, one entry", "203.0.113.9", null, 0, "203.0.113.9"],
    ["no peer, nothing at all", null, null, 0, null],
    ["no peer, empty header", "", null, 0, null],
    // junk where the address should be
    ["a forged non-address as the client (one proxy)", "not-an-ip", "10.0.0.2", 1, null],
    ["an empty entry as the client (one proxy)", "203.0.113.9, ", "10.0.0.2", 1, null],
    ["a host name", "localhost", null, 0, null],
  ])("%s -> %s", (_, forwardedFor, peer, hops, expected) => {
    expect(clientAddress(forwardedFor, peer, hops)).toBe(expected);
  });
});
