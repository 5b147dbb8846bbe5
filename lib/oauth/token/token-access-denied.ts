import { OAuthError } from "../errors/oauth-error";
import type { PolicyDenial } from "../policy/evaluate-policy";

/**
 * access_denied at the token endpoint: 400, as every token error but invalid_client (RFC 6749 5.2;
 * the shared accessDenied() helper answers 403, which suits resource endpoints, not /token).
 */
export function tokenAccessDenied(description: string): OAuthError {
  return new OAuthError("access_denied", description, 400);
}

/** The OAuthError for a policy denial: invalid_scope or access_denied (400), Okta's description. */
export function policyDenialError(denial: PolicyDenial): OAuthError {
  return denial.error === "invalid_scope" ? new OAuthError("invalid_scope", denial.description) : tokenAccessDenied(denial.description);
}
