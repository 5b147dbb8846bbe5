import type { AuthorizationServer } from "../../db/generated/sqlite/client";
import { isoTime, link } from "../../okta-api/links";

/** The Authorization Server object of Okta's API (spec: "Authorization Server Object"). */
export function authorizationServerJson(orgUrl: string, server: AuthorizationServer, activeKid: string | null) {
  const base = `/api/v1/authorizationServers/${server.id}`;
  const issuer = `${orgUrl}/oauth2/${server.id}`;
  return {
    id: server.id,
    name: server.name,
    description: server.description,
    audiences: server.audiences as string[],
    issuer,
    issuerMode: server.issuerMode,
    status: server.status,
    created: isoTime(server.created),
    lastUpdated: isoTime(server.lastUpdated),
    credentials: {
      signing: {
        rotationMode: server.rotationMode,
        lastRotated: isoTime(server.lastRotated),
        ...(server.rotationMode === "AUTO" ? { nextRotation: isoTime(server.nextRotation) } : {}),
        kid: activeKid,
        use: "sig",
      },
    },
    _links: {
      scopes: link(orgUrl, `${base}/scopes`, ["GET"]),
      claims: link(orgUrl, `${base}/claims`, ["GET"]),
      policies: link(orgUrl, `${base}/policies`, ["GET"]),
      self: link(orgUrl, base, ["GET", "DELETE", "PUT"]),
      metadata: [
        { name: "oauth-authorization-server", ...link(orgUrl, `/oauth2/${server.id}/.well-known/oauth-authorization-server`, ["GET"]) },
        { name: "openid-configuration", ...link(orgUrl, `/oauth2/${server.id}/.well-known/openid-configuration`, ["GET"]) },
      ],
      rotateKey: link(orgUrl, `${base}/credentials/lifecycle/keyRotate`, ["POST"]),
      ...(server.status === "ACTIVE"
        ? { deactivate: link(orgUrl, `${base}/lifecycle/deactivate`, ["POST"]) }
        : { activate: link(orgUrl, `${base}/lifecycle/activate`, ["POST"]) }),
    },
  };
}
