import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { AdminOperation } from "@/lib/admin/admin-request";
import { getAppContext } from "@/lib/app-context";
import { requestClientAddress } from "@/lib/http/request-client-address";
import type { AdminCall, DashboardClient } from "@/lib/dashboard/dashboard-context";
import { requireAdmin, type AdminCheck } from "@/lib/dashboard/require-admin";
import { nextCursor, runAdminOperation, type OperationCall, type OperationResult } from "@/lib/dashboard/run-admin-operation";

export const SIGN_IN_PATH = "/signin?return_to=/admin";

/** The request's client, as the System Log records it. */
export async function requestClient(): Promise<DashboardClient> {
  const h = await headers();
  return { ipAddress: requestClientAddress(h), userAgent: h.get("user-agent") };
}

/** The raw Cookie header (the session cookie is read strictly from it). */
export async function cookieHeader(): Promise<string | null> {
  const jar = await cookies();
  const all = jar.getAll();
  return all.length ? all.map((c) => `${c.name}=${c.value}`).join("; ") : null;
}

/** The admin check, once per request. */
export const checkAdmin = cache(async (): Promise<AdminCheck> => {
  const app = getAppContext();
  return requireAdmin(app.db, await cookieHeader(), app.now());
});

/**
 * For pages: the signed-in admin's call context, or a redirect to the sign-in page. A non-admin
 * gets a 404 here (the layout shows them the 403 page); pages never read data without this.
 */
export const adminCall = cache(async (): Promise<AdminCall> => {
  const check = await checkAdmin();
  if (!check.ok) {
    if (check.reason === "signin") redirect(SIGN_IN_PATH);
    notFound();
  }
  return { app: getAppContext(), admin: check.admin, client: await requestClient() };
});

/** A read through the management API's operation; 404 -> the not-found page, other errors throw. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON
export async function read<T = any>(operation: AdminOperation, request: OperationCall): Promise<T> {
  return (await readPage<T>(operation, request)).body;
}

/** A list's page as `read` reads it, with the `after` cursor of the next page (null on the last). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON
export async function readPage<T = any>(operation: AdminOperation, request: OperationCall): Promise<{ body: T; next: string | null }> {
  const result = await readResult<T>(operation, request);
  if (!result.ok) {
    if (result.status === 404) notFound();
    throw new Error(`${result.summary} ${result.causes.join(" ")}`.trim());
  }
  return { body: result.body, next: nextCursor(result) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON
export async function readResult<T = any>(operation: AdminOperation, request: OperationCall): Promise<OperationResult<T>> {
  return runAdminOperation<T>(await adminCall(), operation, request);
}
