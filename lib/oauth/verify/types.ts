import type { Db } from "../../db/create-db-client";
import type { ServerSnapshot } from "../snapshot/types";

/** What token verification needs about the authorization server the request addresses. */
export type VerifyContext = {
  db: Db;
  /** decrypts private keys when a due AUTO rotation runs while the key set is read */
  secretsKey: Buffer;
  /** the ACTIVE server (an unknown or INACTIVE one never gets this far: 404) */
  snapshot: ServerSnapshot;
  /** ORG_URL + snapshot.issuerPath, byte for byte every token's `iss` */
  issuer: string;
};

/** The token types introspection and revocation look for (RFC 7662 2.1, RFC 7009 2.1). */
export type TokenType = "access_token" | "refresh_token" | "id_token";

/** The columns liveness reads of the token's app. */
export type LiveApp = { id: string; clientId: string; status: string; lastUpdated: Date };

/** The columns liveness reads of the token's user. */
export type LiveUser = { id: string; login: string; status: string; statusChanged: Date | null };

/** The app and user a token was issued for, both still entitled to it (user null for client_credentials). */
export type LiveParties = { app: LiveApp; user: LiveUser | null };

/** An access token whose JSON payload has Okta's access-token shape (the signature is checked separately). */
export type AccessTokenView = {
  jti: string;
  /** `cid` */
  clientId: string;
  /** `uid`; null for client_credentials tokens */
  userId: string | null;
  /** `sub`: the user's login, or the client id */
  subject: string;
  /** `scp` */
  scopes: string[];
  /** `iat`, `exp` (epoch seconds) */
  issuedAt: number;
  expiresAt: number;
  aud: string | string[];
  iss: string;
  /** the whole payload, custom claims included */
  claims: Record<string, unknown>;
};

export type VerifiedAccessToken = AccessTokenView & LiveParties;

/** An ID token whose payload has Okta's ID-token shape. */
export type IdTokenView = {
  jti: string;
  /** `aud`: the client the ID token was issued to */
  clientId: string;
  /** `sub`: the user id */
  userId: string;
  issuedAt: number;
  expiresAt: number;
  iss: string;
  claims: Record<string, unknown>;
};

export type VerifiedIdToken = IdTokenView & { app: LiveApp; user: LiveUser };

/** A refresh token that can still be exchanged, with the parties it belongs to. */
export type LiveRefreshToken = {
  id: string;
  /** the grant (revokeGrant revokes the family and every access token whose jti carries it) */
  familyId: string;
  authServerId: string;
  clientId: string;
  userId: string | null;
  scopes: string[];
  created: Date;
  /** when it dies unless exchanged: the earlier of the sliding window's end and the absolute expiry */
  expiresAt: Date;
} & LiveParties;
