import type { LogTarget } from "../../system-log/write-system-log";

/** System Log targets of a claim change: the claim and its authorization server. */
export function claimLogTargets(claim: { id: string; name: string }, server: { id: string; name: string }): LogTarget[] {
  return [
    { id: claim.id, type: "OAuth2Claim", displayName: claim.name },
    { id: server.id, type: "AuthorizationServer", displayName: server.name },
  ];
}
