import type { AppContext } from "../../app-context";
import type { TokenEndpointAuthMethod } from "../../apps/client-metadata";
import type { OAuthClient } from "../../apps/oauth-client";
import type { TokenGrantType } from "../grant-types";
import type { OAuthRequest } from "../request/oauth-request";
import type { ServerSnapshot } from "../snapshot/types";

/** One token request after parsing and client authentication: what every grant handler gets. */
export type TokenRequestContext = {
  app: AppContext;
  request: OAuthRequest;
  /** the form parameters (no duplicates; empty values absent) */
  params: ReadonlyMap<string, string>;
  snapshot: ServerSnapshot;
  /** ORG_URL/oauth2/:authServerId (ORG_URL itself for the org authorization server: buildIssuer) */
  issuer: string;
  /** the authenticated, ACTIVE client, registered for `grantType` */
  client: OAuthClient;
  clientAuthMethod: TokenEndpointAuthMethod;
  grantType: TokenGrantType;
  /** one instant for the whole request */
  now: Date;
};
