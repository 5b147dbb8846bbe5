import { parseTrustedProxyHops } from "../config/parse-config";
import { clientAddress, PEER_ADDRESS_HEADER } from "./client-address";

let trustedHops: number | undefined;

/**
 * The client address of a request as the route shells see it (clientAddress with
 * TRUSTED_PROXY_HOPS). The TCP peer comes from `peerAddress` when the caller has the socket (the
 * fast path), else from the header `npm start`'s server sets on every request, believed only when
 * that server runs in this process (it marks globalThis): under `next dev` or `next start` a
 * client could send the header itself.
 */
export function requestClientAddress(headers: { get(name: string): string | null }, peerAddress?: string | null): string | null {
  trustedHops ??= parseTrustedProxyHops(process.env);
  const fromServer = (globalThis as { __idpPeerAddressHeader?: boolean }).__idpPeerAddressHeader ? headers.get(PEER_ADDRESS_HEADER) : null;
  return clientAddress(headers.get("x-forwarded-for"), peerAddress ?? (fromServer || null), trustedHops);
}
