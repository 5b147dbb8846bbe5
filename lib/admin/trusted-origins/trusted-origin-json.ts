import type { TrustedOrigin } from "../../db/generated/sqlite/client";
import { isoTime, link } from "../../okta-api/links";

/** Okta's TrustedOrigin object; scopes in the order CORS, REDIRECT, IFRAME_EMBED. */
export function trustedOriginJson(orgUrl: string, origin: TrustedOrigin) {
  const base = `/api/v1/trustedOrigins/${origin.id}`;
  return {
    id: origin.id,
    name: origin.name,
    origin: origin.origin,
    scopes: [
      ...(origin.cors ? [{ type: "CORS" }] : []),
      ...(origin.redirect ? [{ type: "REDIRECT" }] : []),
      ...(origin.iframeEmbed ? [{ type: "IFRAME_EMBED", allowedOktaApps: [] as string[] }] : []),
    ],
    status: origin.status,
    created: isoTime(origin.created),
    createdBy: origin.createdBy,
    lastUpdated: isoTime(origin.lastUpdated),
    lastUpdatedBy: origin.lastUpdatedBy,
    _links: {
      self: link(orgUrl, base, ["GET", "PUT", "DELETE"]),
      ...(origin.status === "ACTIVE"
        ? { deactivate: link(orgUrl, `${base}/lifecycle/deactivate`, ["POST"]) }
        : { activate: link(orgUrl, `${base}/lifecycle/activate`, ["POST"]) }),
    },
  };
}
