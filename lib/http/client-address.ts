import { isIP } from "node:net";

/** The request header `npm start`'s server (lib/cli/server.mjs) sets to the TCP peer's address, replacing any sent. */
export const PEER_ADDRESS_HEADER = "x-idp-peer-address";

/**
 * The client's IP address, for the System Log, sessions and the per-IP sign-in rate limit.
 *
 * The addresses a request passed through, nearest first, are the TCP peer and then the
 * X-Forwarded-For entries from right to left (each proxy appends the address it received the
 * request from). With `trustedHops` reverse proxies of ours in front, the first `trustedHops`
 * of those addresses are our proxies and the next one is the client; everything further left was
 * written by the client and is never believed (RFC 7239 8.3, the X-Forwarded-For equivalent).
 * Fewer entries than hops: the farthest one there is. `peerAddress` null (the route handlers
 * served without `npm start`'s server, e.g. `next dev`): the rightmost X-Forwarded-For entry stands
 * in for the peer, as Next.js sets it from the socket when the client sent none.
 * IPv4-mapped IPv6 addresses are given as IPv4; anything that is not an IP address gives null.
 */
export function clientAddress(forwardedFor: string | null, peerAddress: string | null, trustedHops: number): string | null {
  const forwarded = forwardedFor ? forwardedFor.split(",").map((entry) => entry.trim()) : [];
  const nearestFirst = [...(peerAddress ? [peerAddress] : []), ...forwarded.reverse()];
  if (nearestFirst.length === 0) return null;
  const chosen = nearestFirst[Math.min(trustedHops, nearestFirst.length - 1)]!;
  const address = chosen.startsWith("::ffff:") && isIP(chosen.slice(7)) === 4 ? chosen.slice(7) : chosen;
  return isIP(address) ? address : null;
}
