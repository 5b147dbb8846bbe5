import type { AppContext } from "../../app-context";
import type { OAuthClient } from "../../apps/oauth-client";
import type { PlainRequest } from "../../http/plain-http";
import type { ServerSnapshot } from "../snapshot/types";

/** One /authorize (or resume) request once its server, client and redirect URI are trusted. */
export type AuthorizeContext = {
  app: AppContext;
  request: PlainRequest;
  snapshot: ServerSnapshot;
  /** ORG_URL/oauth2/:authServerId (ORG_URL itself for the org authorization server: buildIssuer) */
  issuer: string;
  /** ACTIVE, and the redirect URI is one of its own */
  client: OAuthClient;
  /** one instant for the whole request */
  now: Date;
  random?: (size: number) => Buffer;
};
