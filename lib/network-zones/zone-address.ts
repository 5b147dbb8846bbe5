import ipaddr from "ipaddr.js";
import type { ZoneAddress } from "./zone-types";

/** One address interval of a zone: its family and first and last address as integers. */
export type AddressInterval = { family: 4 | 6; first: bigint; last: bigint };

const BITS = { 4: 32, 6: 128 } as const;

function toBigInt(address: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  return address.toByteArray().reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}

/**
 * An address as written: IPv4 dotted quad or IPv6 (an IPv4-mapped IPv6 address stands for its IPv4
 * address, as lib/http/client-address.ts gives it); null for anything else (ipaddr.js's strict
 * parsers: no octal, hex or shortened IPv4 forms, no zone index).
 */
export function parseAddress(text: string): { family: 4 | 6; value: bigint } | null {
  const trimmed = text.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(trimmed)) return { family: 4, value: toBigInt(ipaddr.IPv4.parse(trimmed)) };
  if (!trimmed.includes("%") && ipaddr.IPv6.isValid(trimmed)) {
    const v6 = ipaddr.IPv6.parse(trimmed);
    if (v6.isIPv4MappedAddress()) return { family: 4, value: toBigInt(v6.toIPv4Address()) };
    return { family: 6, value: toBigInt(v6) };
  }
  return null;
}

/**
 * A zone entry as an interval, or why it is not one:
 * - CIDR `address/prefix`: prefix 0-32 (IPv4) or 0-128 (IPv6); host bits are ignored (10.1.2.3/8 is
 *   10.0.0.0/8). An IPv4-mapped IPv6 block (::ffff:10.0.0.0/104) is its IPv4 block.
 * - RANGE `first-last` (first <= last, one family) or one address.
 */
export function parseZoneAddress(entry: ZoneAddress): { ok: true; interval: AddressInterval } | { ok: false; reason: string } {
  const value = entry.value.trim();
  if (entry.type === "CIDR") {
    const slash = value.indexOf("/");
    if (slash < 0) return { ok: false, reason: `'${value}' is not a CIDR block (address/prefix).` };
    const address = parseAddress(value.slice(0, slash));
    const prefixText = value.slice(slash + 1);
    if (!address) return { ok: false, reason: `'${value}' is not a CIDR block: '${value.slice(0, slash)}' is not an IP address.` };
    let prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    // an IPv4-mapped block: its prefix counts the 96 bits of the mapping
    const mapped = address.family === 4 && value.slice(0, slash).includes(":");
    if (mapped) prefix = prefix >= 96 ? prefix - 96 : NaN;
    const bits = BITS[address.family];
    if (!(prefix >= 0 && prefix <= bits)) return { ok: false, reason: `'${value}': the prefix length must be 0 to ${mapped ? 128 : bits}${mapped ? " (96 to 128 for an IPv4-mapped block)" : ""}.` };
    const hostBits = BigInt(bits - prefix);
    const first = (address.value >> hostBits) << hostBits;
    return { ok: true, interval: { family: address.family, first, last: first + (1n << hostBits) - 1n } };
  }
  const parts = value.split("-");
  if (parts.length > 2) return { ok: false, reason: `'${value}' is not a range (first-last).` };
  const [first, last] = [parseAddress(parts[0]!), parseAddress(parts[1] ?? parts[0]!)];
  if (!first || !last) return { ok: false, reason: `'${value}' is not a range of IP addresses (first-last, or one address).` };
  if (first.family !== last.family) return { ok: false, reason: `'${value}': both ends of a range must be IPv4, or both IPv6.` };
  if (first.value > last.value) return { ok: false, reason: `'${value}': the first address of a range must not come after the last.` };
  return { ok: true, interval: { family: first.family, first: first.value, last: last.value } };
}

/** Whether `address` (parseAddress) lies in one of the intervals. */
export function inIntervals(address: { family: 4 | 6; value: bigint }, intervals: readonly AddressInterval[]): boolean {
  return intervals.some((interval) => interval.family === address.family && interval.first <= address.value && address.value <= interval.last);
}

/**
 * A matcher for a list of zone entries (entries that do not parse, which validation keeps out,
 * match nothing): `matches(ip)` for a client address as lib/http gives it; null (unknown) matches
 * nothing.
 */
export function compileZoneAddresses(entries: readonly ZoneAddress[]): (ip: string | null) => boolean {
  const intervals = entries.flatMap((entry) => {
    const parsed = parseZoneAddress(entry);
    return parsed.ok ? [parsed.interval] : [];
  });
  return (ip) => {
    if (ip === null || intervals.length === 0) return false;
    const address = parseAddress(ip);
    return address !== null && inIntervals(address, intervals);
  };
}
