/**
 * The org authorization server: Okta's built-in server whose issuer is the org URL itself
 * (`{ORG_URL}`, metadata at `{ORG_URL}/.well-known/...`, endpoints at `{ORG_URL}/oauth2/v1/...`),
 * for OpenID Connect sign-in and for access tokens meant for the Okta management API (Okta:
 * "Authorization servers", "Org Authorization Server": its access tokens are for Okta only, audience
 * the org URL; no custom scopes, claims or policies). It is stored like a custom server (row, scopes,
 * one fixed policy: migration "org_authorization_server"), so every protocol endpoint runs unchanged
 * against it, under this reserved id, which no custom server can have (their ids are `aus…` and
 * `default`), which is never a path segment (`/oauth2/org/v1/token` is an unknown server) and which
 * the management API never shows (lib/authorization-servers).
 */
export const ORG_AUTH_SERVER_ID = "org";

/** Whether an authorization server id is the org server's. */
export function isOrgAuthServer(authServerId: string): boolean {
  return authServerId === ORG_AUTH_SERVER_ID;
}

/**
 * The path parameter the org server's routes pass instead of `authServerId` (their paths have no
 * server segment). No route folder is named after it, so a request path can never set it: only the
 * org routes (app/oauth2/v1/*, app/.well-known/*) and the protocol fast path do.
 */
export const ORG_SERVER_PARAM = "orgAuthorizationServer";

/** The path parameters of a request to one of the org server's routes. */
export const ORG_SERVER_PARAMS: Readonly<Record<string, string>> = Object.freeze({ [ORG_SERVER_PARAM]: "true" });

/**
 * The id of the authorization server a protocol request addresses: the org server on its own routes
 * (ORG_SERVER_PARAMS), else the `:authServerId` path segment, which never names the org server
 * (answered as an unknown server: "" matches no row).
 */
export function requestedServerId(params: Readonly<Record<string, string>>): string {
  if (params[ORG_SERVER_PARAM] === "true") return ORG_AUTH_SERVER_ID;
  const id = params.authServerId ?? "";
  return isOrgAuthServer(id) ? "" : id;
}

/**
 * Where a server lives under ORG_URL: its issuer path (`/oauth2/{id}`; "" for the org server, whose
 * issuer is ORG_URL itself) and the path its `/v1/...` endpoints hang from (`/oauth2/{id}`;
 * `/oauth2` for the org server).
 */
export function serverPaths(authServerId: string): { issuerPath: string; endpointPath: string } {
  if (isOrgAuthServer(authServerId)) return { issuerPath: "", endpointPath: "/oauth2" };
  const path = `/oauth2/${authServerId}`;
  return { issuerPath: path, endpointPath: path };
}
