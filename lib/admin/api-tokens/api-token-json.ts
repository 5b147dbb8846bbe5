import type { ApiToken } from "../../db/generated/sqlite/client";
import { isoTime, link } from "../../okta-api/links";

export type ApiTokenWithOwner = ApiToken & { user: { id: string; login: string; profile: unknown } };

/**
 * Okta's ApiToken metadata (SDK model ApiToken): never the token or its hash. `lastUsed` (to the
 * minute) is added, as the dashboard lists it; `network` is ANYWHERE, as no network zones are
 * enforced. There is no `tokenWindow`: tokens here do not lapse from disuse, only at `expiresAt`
 * when one is set. Okta names the links object `_link`.
 */
export function apiTokenJson(orgUrl: string, token: ApiTokenWithOwner) {
  const profile = (token.user.profile ?? {}) as { firstName?: string; lastName?: string };
  const ownerName = [profile.firstName, profile.lastName].filter(Boolean).join(" ") || token.user.login;
  return {
    id: token.id,
    name: token.name,
    userId: token.userId,
    clientName: token.clientName,
    created: isoTime(token.created),
    lastUpdated: isoTime(token.lastUpdated),
    expiresAt: isoTime(token.expiresAt),
    lastUsed: isoTime(token.lastUsed),
    network: { connection: "ANYWHERE" },
    _link: {
      self: link(orgUrl, `/api/v1/api-tokens/${token.id}`, ["GET", "DELETE"]),
      user: [{ name: ownerName, ...link(orgUrl, `/api/v1/users/${token.userId}`, ["GET"]) }],
    },
  };
}
