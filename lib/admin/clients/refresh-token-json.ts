import type { App, AuthorizationServer, RefreshToken, RefreshTokenFamily, Scope } from "../../db/generated/sqlite/client";
import { isoTime, link } from "../../okta-api/links";

/** A refresh token with what its family holds (server, client, user, scopes, absolute end). */
export type RefreshTokenWithFamily = RefreshToken & { family: RefreshTokenFamily };

export type TokenUser = { id: string; login: string; profile: unknown };

function userTitle(user: TokenUser): string {
  const profile = (user.profile ?? {}) as { firstName?: unknown; lastName?: unknown };
  const name = [profile.firstName, profile.lastName].filter((part) => typeof part === "string" && part).join(" ");
  return name || user.login;
}

/** When the token stops working: the end of its sliding window or of its family, whichever is first. */
function effectiveExpiry(token: RefreshTokenWithFamily): Date {
  const { expiresAt } = token.family;
  return expiresAt && expiresAt < token.windowEndsAt ? expiresAt : token.windowEndsAt;
}

/** `_embedded.scopes` for `expand=scope`: the server's scope objects for the token's scope names. */
export function embeddedScopes(orgUrl: string, server: AuthorizationServer, names: string[], scopes: Scope[]) {
  return names.map((name) => {
    const scope = scopes.find((candidate) => candidate.nameLower === name.toLowerCase());
    if (!scope) return { name };
    return {
      id: scope.id,
      name: scope.name,
      displayName: scope.displayName,
      description: scope.description,
      _links: { scope: { ...link(orgUrl, `/api/v1/authorizationServers/${server.id}/scopes/${scope.id}`), title: scope.displayName ?? scope.name } },
    };
  });
}

/** Okta's OAuth2RefreshToken. */
export function refreshTokenJson(
  orgUrl: string,
  server: AuthorizationServer,
  app: App,
  token: RefreshTokenWithFamily,
  user: TokenUser | null,
  embedded?: { scopes: ReturnType<typeof embeddedScopes> },
) {
  const self = `/api/v1/authorizationServers/${server.id}/clients/${encodeURIComponent(app.clientId)}/tokens/${token.id}`;
  return {
    id: token.id,
    status: token.status,
    created: isoTime(token.created),
    lastUpdated: isoTime(token.revoked ?? token.rotated ?? token.created),
    expiresAt: isoTime(effectiveExpiry(token)),
    issuer: `${orgUrl}/oauth2/${server.id}`,
    clientId: token.family.clientId,
    userId: token.family.userId,
    scopes: token.family.scopes as string[],
    ...(embedded ? { _embedded: embedded } : {}),
    _links: {
      app: { ...link(orgUrl, `/api/v1/apps/${app.id}`), title: app.label },
      self: link(orgUrl, self),
      revoke: link(orgUrl, self, ["DELETE"]),
      client: { ...link(orgUrl, `/oauth2/v1/clients/${encodeURIComponent(app.clientId)}`), title: app.label },
      ...(user ? { user: { ...link(orgUrl, `/api/v1/users/${user.id}`), title: userTitle(user) } } : {}),
      authorizationServer: { ...link(orgUrl, `/api/v1/authorizationServers/${server.id}`), title: server.name },
    },
  };
}
