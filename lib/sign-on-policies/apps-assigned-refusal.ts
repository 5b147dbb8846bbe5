import { validationError } from "../okta-api/admin-api-error";

/** E0000001 for deleting or deactivating an ACCESS_POLICY that apps are assigned to: assign them elsewhere first. */
export function appsAssignedRefusal(field: string, doing: "deleting" | "deactivating") {
  return validationError(field, [`${field}: Apps are assigned to this policy; assign them to another policy (PUT /api/v1/apps/{appId}/policies/{policyId}) before ${doing} it.`]);
}
