import { link } from "../okta-api/links";
import { ORG_IDP_ID } from "../oauth/claims/org-idp-id";
import type { SessionInfo } from "../sessions/types";

/**
 * Okta's Session object for GET /api/v1/sessions/me (and its refresh): `expiresAt` is when the
 * session ends unless used (the sliding idle expiry, never past the absolute one); createdAt and
 * lastPasswordVerification are the sign-in (sessions start at sign-in here); lastFactorVerification
 * is when a second factor was verified in it.
 */
export function sessionJson(orgUrl: string, session: SessionInfo) {
  const expiresAt = session.idleExpiresAt.getTime() < session.expiresAt.getTime() ? session.idleExpiresAt : session.expiresAt;
  return {
    id: session.id,
    userId: session.userId,
    login: session.login,
    createdAt: session.authTime.toISOString(),
    expiresAt: expiresAt.toISOString(),
    status: "ACTIVE",
    lastPasswordVerification: session.amr.includes("pwd") ? session.authTime.toISOString() : null,
    lastFactorVerification: session.factorVerifiedAt?.toISOString() ?? null,
    amr: session.amr,
    idp: { id: ORG_IDP_ID, type: "OKTA" },
    mfaActive: false,
    _links: {
      self: link(orgUrl, "/api/v1/sessions/me", ["GET", "DELETE"]),
      refresh: link(orgUrl, "/api/v1/sessions/me/lifecycle/refresh", ["POST"]),
      user: { name: session.login, ...link(orgUrl, `/api/v1/users/${session.userId}`, ["GET"]) },
    },
  };
}
