import { AdminApiError, validationError } from "../../okta-api/admin-api-error";
import { POLICY_TYPES, type PolicyType } from "../../sign-on-policies/org-policy-types";

const SUPPORTED = POLICY_TYPES.join(", ");

/** Okta's other policy types: refused by name, so a client learns that this server does not offer them rather than that they do not exist. */
const NOT_OFFERED = ["PASSWORD", "IDP_DISCOVERY", "PROFILE_ENROLLMENT", "POST_AUTH_SESSION", "ENTITY_RISK", "DEVICE_SIGNAL_COLLECTION", "SESSION_VIOLATION_DETECTION"];

/**
 * The `type` of a policy (the list's query parameter, a created policy's body): E0000001 when it is
 * missing; Okta's 400 E0000002 "Invalid policy type specified" for any other type than OKTA_SIGN_ON,
 * MFA_ENROLL and ACCESS_POLICY, as Okta answers for OAUTH_AUTHORIZATION_POLICY (whose policies live under
 * /api/v1/authorizationServers/{id}/policies), with a cause naming what this server supports.
 */
export function parsePolicyType(value: unknown): PolicyType {
  if (value === undefined || value === null || value === "") {
    throw validationError("type", [`type: The field cannot be left blank; give ${SUPPORTED}.`]);
  }
  if ((POLICY_TYPES as readonly unknown[]).includes(value)) return value as PolicyType;
  const cause =
    value === "OAUTH_AUTHORIZATION_POLICY"
      ? "type: OAUTH_AUTHORIZATION_POLICY policies belong to an authorization server: /api/v1/authorizationServers/{authServerId}/policies."
      : NOT_OFFERED.includes(String(value))
        ? `type: ${String(value)} policies are not supported by this server; supported: ${SUPPORTED}.`
        : `type: Unknown policy type; supported: ${SUPPORTED}.`;
  throw new AdminApiError(400, "E0000002", "The request was not valid: Invalid policy type specified", [cause]);
}
