import { serverPaths } from "../oauth/snapshot/org-authorization-server";

/** The protocol endpoints under a server's `/v1/`. */
export type ProtocolEndpointName = "authorize" | "authorize/resume" | "token" | "userinfo" | "keys" | "introspect" | "revoke" | "logout";

/** ORG_URL is configured without a trailing slash; one given with trailing slashes is trimmed. */
const trimmed = (orgUrl: string) => orgUrl.replace(/\/+$/, "");

/**
 * The issuer of an authorization server: `${orgUrl}/oauth2/${authServerId}`, or the org URL itself
 * for the org authorization server; byte for byte the discovery `issuer` and every token's `iss`
 * (openid-client and okta-auth-js compare them exactly).
 */
export function buildIssuer(orgUrl: string, authServerId: string): string {
  return `${trimmed(orgUrl)}${serverPaths(authServerId).issuerPath}`;
}

/**
 * The URL of one of a server's protocol endpoints: `{issuer}/v1/{name}` for a custom server,
 * `${orgUrl}/oauth2/v1/{name}` for the org server (its issuer has no path).
 */
export function buildEndpointUrl(orgUrl: string, authServerId: string, name: ProtocolEndpointName): string {
  return `${trimmed(orgUrl)}${serverPaths(authServerId).endpointPath}/v1/${name}`;
}
