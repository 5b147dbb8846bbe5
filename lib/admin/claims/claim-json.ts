import type { Claim } from "../../db/generated/sqlite/client";
import { link } from "../../okta-api/links";

/**
 * The claim object of Okta's API (spec: "Claims Object"; SDK model OAuth2Claim). The filter type
 * goes out under its wire name `group_filter_type`, for GROUPS claims only.
 */
export function claimJson(orgUrl: string, claim: Claim) {
  return {
    id: claim.id,
    name: claim.name,
    status: claim.status,
    claimType: claim.claimType,
    valueType: claim.valueType,
    value: claim.value,
    ...(claim.valueType === "GROUPS" ? { group_filter_type: claim.groupFilterType } : {}),
    alwaysIncludeInToken: claim.alwaysIncludeInToken,
    conditions: { scopes: (claim.conditionScopes as string[] | null) ?? [] },
    system: claim.system,
    _links: { self: link(orgUrl, `/api/v1/authorizationServers/${claim.authServerId}/claims/${claim.id}`, ["GET", "PUT", "DELETE"]) },
  };
}
