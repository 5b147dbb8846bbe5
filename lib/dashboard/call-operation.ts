import { knownAdminApiError } from "../okta-api/admin-api-error";
import type { OperationContext } from "../admin/admin-request";
import type { AdminCall } from "./dashboard-context";

export type OperationFailure = { ok: false; status: number; errorCode: string; summary: string; causes: string[] };
export type OperationResult<T> = { ok: true; value: T } | OperationFailure;

/** What a typed operation resolves to: the type a page renders (never re-declared by hand). */
export type OperationValue<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

/** One item of a list operation's page. */
export type ListItem<F extends (...args: never[]) => Promise<{ items: unknown[] }>> = Awaited<ReturnType<F>>["items"][number];

/** The dashboard's calls are logged with this apiTokenId (they have no API token). */
const DASHBOARD_TOKEN_ID = "dashboard";

/** The typed operations' context for an admin-checked dashboard call: the admin is the actor. */
export function operationContext(call: AdminCall): OperationContext {
  return {
    db: call.app.db,
    provider: call.app.provider ?? "sqlite",
    orgUrl: call.app.orgUrl,
    secretsKey: call.app.secretsKey,
    now: call.app.now,
    actor: { userId: call.admin.userId, login: call.admin.login, displayName: call.admin.displayName, apiTokenId: DASHBOARD_TOKEN_ID, roles: call.admin.roles, scopes: null },
    client: { ipAddress: call.client.ipAddress, userAgent: call.client.userAgent },
    requestUri: null,
  };
}

/**
 * Runs one typed management operation for the signed-in admin: the very function the REST handler
 * calls, with the same zod validation, serializers and System Log entries; only the caller differs
 * (an admin's SSO session, checked by requireAdmin with the API's authorizeAdmin, instead of an SSWS
 * token). Okta errors come back as data, the database being unavailable too (503 E0000009, so a
 * form says "try again"); anything else is rethrown.
 */
export async function callOperation<T>(call: AdminCall, operation: (ctx: OperationContext) => Promise<T>): Promise<OperationResult<T>> {
  try {
    return { ok: true, value: await operation(operationContext(call)) };
  } catch (error) {
    const known = knownAdminApiError(error);
    if (known) return { ok: false, status: known.status, errorCode: known.errorCode, summary: known.errorSummary, causes: known.causes };
    throw error;
  }
}
