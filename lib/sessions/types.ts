/** A signed-in end user's SSO session, as the hosted pages and the authorize endpoint see it. */
export type SessionInfo = {
  /** 102... */
  id: string;
  userId: string;
  login: string;
  /** when the user last authenticated with a credential (OIDC auth_time) */
  authTime: Date;
  /** authentication methods (OIDC amr), e.g. ["pwd"] */
  amr: string[];
  /** when a second factor was last verified in this session (null: never; the sign-on rule's SESSION prompt mode) */
  factorVerifiedAt: Date | null;
  /** idle timeout: the session ends unless used before this */
  idleExpiresAt: Date;
  /** absolute timeout */
  expiresAt: Date;
};
