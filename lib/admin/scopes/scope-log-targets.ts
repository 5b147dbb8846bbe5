import type { LogTarget } from "../../system-log/write-system-log";

/** System Log targets of a scope change: the scope and its authorization server. */
export function scopeLogTargets(scope: { id: string; name: string }, server: { id: string; name: string }): LogTarget[] {
  return [
    { id: scope.id, type: "OAuth2Scope", displayName: scope.name },
    { id: server.id, type: "AuthorizationServer", displayName: server.name },
  ];
}
