/**
 * The largest request body each surface reads (readLimitedBody), declared once: protocol forms and
 * hosted form posts are small (a JWT assertion or an id_token_hint is a few KiB), end-user API
 * calls carry a username and password, and admin API bodies carry at most an app's JWK set or a
 * policy rule.
 */
export const BODY_LIMITS = {
  protocol: 64 * 1024,
  hosted: 64 * 1024,
  endUser: 64 * 1024,
  admin: 1024 * 1024,
} as const;
