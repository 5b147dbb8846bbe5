import { SYSTEM_SCOPES } from "../../authorization-servers/system-scopes";
import type { SnapshotScope } from "../snapshot/types";

const SYSTEM_ORDER: readonly string[] = SYSTEM_SCOPES.map((scope) => scope.name);

/**
 * The scope names a server's metadata lists in `scopes_supported`: those with metadataPublish
 * ALL_CLIENTS. As Okta lists them: custom scopes first (by name), then the OpenID Connect scopes
 * in their usual order (openid, profile, email, address, phone, offline_access).
 */
export function listPublishedScopes(scopes: readonly Pick<SnapshotScope, "name" | "metadataPublish">[]): string[] {
  const published = scopes.filter((scope) => scope.metadataPublish === "ALL_CLIENTS").map((scope) => scope.name);
  // custom scopes rank -1 (first), system scopes by their usual position
  const rank = (name: string) => SYSTEM_ORDER.indexOf(name);
  return [...new Set(published)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
