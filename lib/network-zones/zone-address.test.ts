import { describe, expect, it } from "vitest";
import { compileZoneAddresses, parseZoneAddress } from "./zone-address";
import type { ZoneAddress } from "./zone-types";

const cidr = (value: string): ZoneAddress => ({ type: "CIDR", value });
const range = (value: string): ZoneAddress => ({ type: "RANGE", value });

describe("compileZoneAddresses: is a client address in the zone's entries", () => {
  it.each([
    ["IPv4 CIDR, inside", [cidr("10.0.0.0/8")], "10.200.3.4", true],
    ["IPv4 CIDR, outside", [cidr("10.0.0.0/8")], "11.0.0.1", false],
    ["IPv4 CIDR, first and last address", [cidr("192.168.1.0/24")], "192.168.1.0", true],
    ["IPv4 CIDR, last address", [cidr("192.168.1.0/24")], "192.168.1.255", true],
    ["IPv4 CIDR, one past the end", [cidr("192.168.1.0/24")], "192.168.2.0", false],
    ["IPv4 CIDR with host bits set", [cidr("192.168.1.77/24")], "192.168.1.3", true],
    ["IPv4 /32 is one address", [cidr("203.0.113.9/32")], "203.0.113.9", true],
    ["IPv4 /32, another address", [cidr("203.0.113.9/32")], "203.0.113.10", false],
    ["IPv4 /0 is every IPv4 address", [cidr("0.0.0.0/0")], "8.8.8.8", true],
    ["IPv4 /0 holds no IPv6 address", [cidr("0.0.0.0/0")], "2001:db8::1", false],
    ["IPv4 range, inside", [range("10.0.0.5-10.0.0.9")], "10.0.0.7", true],
    ["IPv4 range, ends included", [range("10.0.0.5-10.0.0.9")], "10.0.0.9", true],
    ["IPv4 range, outside", [range("10.0.0.5-10.0.0.9")], "10.0.0.10", false],
    ["IPv4 single-address range", [range("198.51.100.7")], "198.51.100.7", true],
    ["IPv6 CIDR, inside", [cidr("2001:db8::/32")], "2001:db8:abcd::1", true],
    ["IPv6 CIDR, outside", [cidr("2001:db8::/32")], "2001:db9::1", false],
    ["IPv6 written differently", [cidr("2001:0db8:0000::/48")], "2001:db8:0:ffff::1", true],
    ["IPv6 range", [range("2001:db8::10-2001:db8::20")], "2001:db8::1a", true],
    ["IPv6 range, outside", [range("2001:db8::10-2001:db8::20")], "2001:db8::21", false],
    ["an IPv4-mapped client address is its IPv4 address", [cidr("10.0.0.0/8")], "::ffff:10.1.2.3", true],
    ["an IPv4-mapped block is its IPv4 block", [cidr("::ffff:10.0.0.0/104")], "10.9.9.9", true],
    ["an IPv4-mapped block, outside", [cidr("::ffff:10.0.0.0/104")], "11.0.0.1", false],
    ["an IPv4-mapped range end", [range("::ffff:10.0.0.1-10.0.0.3")], "10.0.0.2", true],
    ["several entries: any one", [cidr("10.0.0.0/8"), range("192.168.0.1-192.168.0.2")], "192.168.0.2", true],
    ["no entries: nothing", [], "10.0.0.1", false],
    ["an unknown address (null): nothing", [cidr("0.0.0.0/0")], null, false],
    ["not an address: nothing", [cidr("0.0.0.0/0")], "localhost", false],
  ] as const)("%s", (_, entries, ip, expected) => {
    expect(compileZoneAddresses(entries)(ip)).toBe(expected);
  });
});

describe("parseZoneAddress: validation", () => {
  it.each([
    [cidr("10.0.0.0/33"), "'10.0.0.0/33': the prefix length must be 0 to 32."],
    [cidr("2001:db8::/129"), "'2001:db8::/129': the prefix length must be 0 to 128."],
    [cidr("10.0.0.0/-1"), "'10.0.0.0/-1': the prefix length must be 0 to 32."],
    [cidr("10.0.0.0/8.5"), "'10.0.0.0/8.5': the prefix length must be 0 to 32."],
    [cidr("10.0.0.0"), "'10.0.0.0' is not a CIDR block (address/prefix)."],
    [cidr("10.0.0/8"), "'10.0.0/8' is not a CIDR block: '10.0.0' is not an IP address."],
    [cidr("010.0.0.1/8"), "'010.0.0.1/8' is not a CIDR block: '010.0.0.1' is not an IP address."],
    [cidr("::ffff:10.0.0.0/90"), "'::ffff:10.0.0.0/90': the prefix length must be 0 to 128 (96 to 128 for an IPv4-mapped block)."],
    [range("10.0.0.9-10.0.0.5"), "'10.0.0.9-10.0.0.5': the first address of a range must not come after the last."],
    [range("10.0.0.1-2001:db8::1"), "'10.0.0.1-2001:db8::1': both ends of a range must be IPv4, or both IPv6."],
    [range("10.0.0.1-10.0.0.2-10.0.0.3"), "'10.0.0.1-10.0.0.2-10.0.0.3' is not a range (first-last)."],
    [range("example.com"), "'example.com' is not a range of IP addresses (first-last, or one address)."],
    [range("fe80::1%eth0"), "'fe80::1%eth0' is not a range of IP addresses (first-last, or one address)."],
  ] as const)("%j is refused", (entry, reason) => {
    expect(parseZoneAddress(entry)).toEqual({ ok: false, reason });
  });

  it("gives the interval of a valid entry", () => {
    expect(parseZoneAddress(cidr("10.1.2.3/8"))).toEqual({ ok: true, interval: { family: 4, first: 0x0a000000n, last: 0x0affffffn } });
    expect(parseZoneAddress(range(" 2001:db8::1 - 2001:db8::2 "))).toEqual({ ok: true, interval: { family: 6, first: 0x20010db8000000000000000000000001n, last: 0x20010db8000000000000000000000002n } });
  });
});
