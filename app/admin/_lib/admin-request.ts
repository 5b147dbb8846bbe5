import { cookies, headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { OperationContext } from "@/lib/admin/admin-request";
import { getAppContext } from "@/lib/app-context";
import { requestClientAddress } from "@/lib/http/request-client-address";
import type { AdminCall, DashboardClient } from "@/lib/dashboard/dashboard-context";
import { requireAdmin, type AdminCheck } from "@/lib/dashboard/require-admin";
import { callOperation, type OperationResult } from "@/lib/dashboard/call-operation";
import { permissionsOf } from "@/lib/dashboard/actions/action-permissions";
import { ADMIN_PAGE_PATH_HEADER, mayView } from "@/lib/dashboard/page-permissions";
import type { Permission } from "@/lib/dashboard/role-options";

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
 * gets a 404 here (the layout shows them the 403 page); an admin whose roles lack the page's
 * permission (PAGE_PERMISSIONS, for the path the proxy saw; none: no page) gets the forbidden page
 * (app/admin/forbidden.tsx). Pages never read data without this.
 */
export const adminCall = cache(async (): Promise<AdminCall> => {
  const check = await checkAdmin();
  if (!check.ok) {
    if (check.reason === "signin") redirect(SIGN_IN_PATH);
    notFound();
  }
  if (!mayView(permissionsOf(check.admin.roles), (await headers()).get(ADMIN_PAGE_PATH_HEADER) ?? "")) forbidden();
  return { app: getAppContext(), admin: check.admin, client: await requestClient() };
});

/** Whether the signed-in admin's roles hold a permission (a page's optional part, e.g. a user's roles). */
export async function can(permission: Permission): Promise<boolean> {
  return permissionsOf((await adminCall()).admin.roles).includes(permission);
}

/**
 * A page's read through a typed management operation (the one the API's handler calls), for the
 * signed-in admin: its value; 404 -> the not-found page, other errors throw.
 */
export async function read<T>(operation: (ctx: OperationContext) => Promise<T>): Promise<T> {
  const result = await readResult(operation);
  if (!result.ok) {
    if (result.status === 404) notFound();
    throw new Error(`${result.summary} ${result.causes.join(" ")}`.trim());
  }
  return result.value;
}

/** `read` with the operation's Okta error as data (a list page shows a bad search's message). */
export async function readResult<T>(operation: (ctx: OperationContext) => Promise<T>): Promise<OperationResult<T>> {
  return callOperation(await adminCall(), operation);
}
