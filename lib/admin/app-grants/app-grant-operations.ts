import { unknownEndpointError } from "../../okta-api/admin-api-error";
import type { AdminOperation } from "../admin-request";

/**
 * CONTRACT STUB for /api/v1/apps/{appId}/grants (issue #18 item 2): the mgmt-oauth helper replaces
 * these with the grants API (list, grant, get, revoke). Until then the routes answer Okta's 404.
 */
const notYet: AdminOperation = async () => {
  throw unknownEndpointError();
};
export const listAppGrants = notYet;
export const grantAppScope = notYet;
export const getAppGrant = notYet;
export const revokeAppGrant = notYet;
