/**
 * What a revocation request did (the answer is 200 with an empty body in every case). `tokenId` is
 * the access token's jti or the refresh token's id (never the token itself).
 */
export type RevocationOutcome =
  /** the token was found, belongs to the client, and is revoked now (or already was) */
  | { kind: "revoked"; tokenType: "access_token"; tokenId: string }
  | { kind: "revoked"; tokenType: "refresh_token"; tokenId: string; familyId: string }
  /** the token is another client's: nothing revoked (RFC 7009 2.1) */
  | { kind: "foreign"; tokenType: "access_token" | "refresh_token"; tokenId: string; ownerClientId: string }
  /** unknown, expired, malformed, or of another server */
  | { kind: "unknown" };
