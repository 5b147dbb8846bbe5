/**
 * Okta's token lifetime limits (spec: "Rules Object", "Troubleshooting > Limits"), declared once.
 * Policy rules are validated against them (lib/admin/policy-rules), a stored decision is clamped to
 * them (toTokenDecision), and two security invariants are sized from them: a revocation marker
 * outlives every access token it revokes (revokeGrant), and a signing key stays published until
 * every token it signed has expired (lib/keys/apply-rotation).
 */
export const TOKEN_LIMITS = {
  /** 5 minutes to 1 day; 1 hour by default */
  accessTokenLifetimeMinutes: { min: 5, max: 24 * 60, default: 60 },
  /** 0 = unlimited; otherwise at least the access token lifetime (no upper limit beyond the column's) */
  refreshTokenLifetimeMinutes: { max: 2_147_483_647, default: 0 },
  /** 10 minutes to 90 days; 7 days by default */
  refreshTokenWindowMinutes: { min: 10, max: 129_600, default: 10_080 },
} as const;

/** The longest an access token can live. */
export const MAX_ACCESS_TOKEN_LIFETIME_MS = TOKEN_LIMITS.accessTokenLifetimeMinutes.max * 60_000;

/** Okta's ID tokens live one hour. */
export const ID_TOKEN_LIFETIME_SECONDS = 3600;
