import type { AppScopeGrant } from "../../db/generated/sqlite/client";
import { ID_PREFIX } from "../../ids/new-id";
import { isoTime, link } from "../../okta-api/links";
import type { LogTarget } from "../../system-log/write-system-log";

export type GrantApp = { id: string; clientId: string; label: string };

/** Whether `?expand=scope` asks for the scope under `_embedded`. */
export function expandsScope(url: URL): boolean {
  return url.searchParams.getAll("expand").some((value) => value.split(",").includes("scope"));
}

/**
 * Okta's OAuth2ScopeConsentGrant of an admin grant (SDK model OAuth2ScopeConsentGrant): `source`
 * ADMIN, no user (`userId` null), `createdBy` the admin (type User) or the service app whose token
 * made it (PublicClientApp, as the System Log names it). `expand=scope` embeds the scope.
 */
export function appGrantJson(orgUrl: string, app: GrantApp, grant: AppScopeGrant, options: { expandScope?: boolean } = {}) {
  const creator = grant.createdBy;
  return {
    id: grant.id,
    status: grant.status,
    created: isoTime(grant.created),
    createdBy: creator ? { id: creator, type: creator.startsWith(ID_PREFIX.user) ? "User" : "PublicClientApp" } : null,
    lastUpdated: isoTime(grant.lastUpdated),
    issuer: grant.issuer,
    clientId: app.clientId,
    userId: null,
    scopeId: grant.scopeId,
    source: grant.source,
    ...(options.expandScope ? { _embedded: { scope: { id: grant.scopeId } } } : {}),
    _links: {
      app: { ...link(orgUrl, `/api/v1/apps/${app.id}`), title: app.label },
      client: { ...link(orgUrl, `/oauth2/v1/clients/${app.clientId}`), title: app.label },
      self: link(orgUrl, `/api/v1/apps/${app.id}/grants/${grant.id}`, ["GET", "DELETE"]),
    },
  };
}

/** The System Log targets of a grant: the app and the grant (its scope as alternateId). */
export function appGrantTargets(app: GrantApp, grant: Pick<AppScopeGrant, "id" | "scopeId">): LogTarget[] {
  return [
    { id: app.id, type: "AppInstance", alternateId: app.clientId, displayName: app.label },
    { id: grant.id, type: "OAuth2ScopeConsentGrant", alternateId: grant.scopeId, displayName: grant.scopeId },
  ];
}
