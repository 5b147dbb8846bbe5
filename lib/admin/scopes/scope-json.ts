import type { Scope } from "../../db/generated/sqlite/client";
import { link } from "../../okta-api/links";

/** The scope object of Okta's API (spec: "Scopes Object"; SDK model OAuth2Scope). */
export function scopeJson(orgUrl: string, scope: Scope) {
  return {
    id: scope.id,
    name: scope.name,
    displayName: scope.displayName,
    description: scope.description,
    system: scope.system,
    default: scope.isDefault,
    consent: scope.consent,
    optional: scope.optional,
    metadataPublish: scope.metadataPublish,
    _links: { self: link(orgUrl, `/api/v1/authorizationServers/${scope.authServerId}/scopes/${scope.id}`, ["GET", "PUT", "DELETE"]) },
  };
}
