import type { PublishedKey } from "../../keys/published-key";
import { link } from "../../okta-api/links";

/** The Authorization Server Certificate Key Object (spec), with its self link. */
export function authorizationServerKeyJson(orgUrl: string, authServerId: string, key: PublishedKey) {
  return {
    status: key.status,
    alg: key.jwk.alg,
    e: key.jwk.e,
    n: key.jwk.n,
    kid: key.kid,
    kty: key.jwk.kty,
    use: key.jwk.use,
    _links: { self: link(orgUrl, `/api/v1/authorizationServers/${authServerId}/credentials/keys/${encodeURIComponent(key.kid)}`, ["GET"]) },
  };
}
