import { knownAdminApiError } from "../admin/admin-api-error";
import type { AdminContext, AdminOperation } from "../admin/admin-request";
import type { AdminCall } from "./dashboard-context";

export type OperationCall = {
  /** the management API path the operation answers (for the System Log's requestUri and links) */
  path: string;
  method?: "GET" | "POST" | "PUT" | "DELETE";
  params?: Record<string, string>;
  query?: Record<string, string | null | undefined>;
  /** a JSON body, sent exactly as the API receives it */
  body?: unknown;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, read by the pages
export type OperationSuccess<T = any> = { ok: true; status: number; body: T; headers: Record<string, string> };
export type OperationFailure = { ok: false; status: number; errorCode: string; summary: string; causes: string[] };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see OperationSuccess
export type OperationResult<T = any> = OperationSuccess<T> | OperationFailure;

const DASHBOARD_TOKEN_ID = "dashboard";

/**
 * Runs one management API operation for the signed-in admin: the very function the REST route
 * calls, with the same zod validation, serializers and System Log entries; only the caller differs
 * (an admin's SSO session instead of an SSWS token). Okta errors come back as data, the database
 * being unavailable too (503 E0000009, so a form says "try again"); anything else is rethrown.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see OperationSuccess
export async function runAdminOperation<T = any>(call: AdminCall, operation: AdminOperation, request: OperationCall): Promise<OperationResult<T>> {
  const url = new URL(request.path, call.app.orgUrl);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(name, value);
  }
  const headers = new Headers({ accept: "application/json" });
  if (call.client.userAgent) headers.set("user-agent", call.client.userAgent);
  let body: string | null = null;
  if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers.set("content-type", "application/json");
  }
  const ctx: AdminContext = {
    db: call.app.db,
    provider: call.app.provider ?? "sqlite",
    orgUrl: call.app.orgUrl,
    secretsKey: call.app.secretsKey,
    now: call.app.now,
    request: {
      method: request.method ?? (request.body === undefined ? "GET" : "POST"),
      url,
      headers,
      body,
      params: request.params ?? {},
      ipAddress: call.client.ipAddress,
    },
    actor: { userId: call.admin.userId, login: call.admin.login, displayName: call.admin.displayName, apiTokenId: DASHBOARD_TOKEN_ID },
    client: { ipAddress: call.client.ipAddress, userAgent: call.client.userAgent },
    requestUri: url.pathname,
  };
  try {
    const response = await operation(ctx);
    if (response.status >= 400) {
      const errorBody = (response.body ?? {}) as { errorCode?: string; errorSummary?: string; errorCauses?: Array<{ errorSummary: string }> };
      return { ok: false, status: response.status, errorCode: errorBody.errorCode ?? "", summary: errorBody.errorSummary ?? "The request failed.", causes: (errorBody.errorCauses ?? []).map((c) => c.errorSummary) };
    }
    return { ok: true, status: response.status, body: response.body as T, headers: response.headers ?? {} };
  } catch (error) {
    const known = knownAdminApiError(error);
    if (known) return { ok: false, status: known.status, errorCode: known.errorCode, summary: known.errorSummary, causes: known.causes };
    throw error;
  }
}

/** The `after` cursor of a list's Link rel="next", or null on the last page. */
export function nextCursor(result: OperationResult): string | null {
  if (!result.ok) return null;
  const link = result.headers.Link ?? result.headers.link;
  const match = link ? /<([^>]+)>;\s*rel="next"/.exec(link) : null;
  return match?.[1] ? new URL(match[1]).searchParams.get("after") : null;
}
