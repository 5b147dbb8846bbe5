"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getAppContext } from "@/lib/app-context";
import { runDashboardAction } from "@/lib/dashboard/actions/run-dashboard-action";
import type { Reveal } from "@/lib/dashboard/actions/types";
import { formFilesFrom, formInputFrom } from "@/lib/dashboard/form-input";
import { SESSION_COOKIE_NAME, signOutAdmin } from "@/lib/dashboard/sign-out";
import { cookieHeader, requestClient, SIGN_IN_PATH } from "./_lib/admin-request";

export type ActionState =
  | { kind: "error"; error: string; causes: string[] }
  | { kind: "done"; notice: string; redirectTo: string | null }
  | { kind: "reveal"; notice: string; reveal: Reveal };

/** A signed-in user who is no admin, or an admin whose roles lack the action's permission (a forged or stale form). */
const FORBIDDEN = "You don't have permission to do this: your admin roles do not include this change.";

/**
 * The dashboard's one server action: runs the action named by the form's `_action` field. Server
 * actions are POSTs that Next.js accepts only from this origin (Origin must match Host), so they
 * are safe from cross-site requests; the admin check runs inside runDashboardAction on every call,
 * whatever the UI showed.
 */
export async function submitDashboardAction(formData: FormData): Promise<ActionState> {
  const form = formInputFrom(formData);
  const name = typeof form._action === "string" ? form._action : "";
  const result = await runDashboardAction({ app: getAppContext(), cookieHeader: await cookieHeader(), client: await requestClient() }, name, form, await formFilesFrom(formData));
  if ("refused" in result) {
    if (result.refused === "signin") redirect(SIGN_IN_PATH);
    return { kind: "error", error: FORBIDDEN, causes: [] };
  }
  if (!result.ok) return { kind: "error", error: result.error, causes: result.causes };
  revalidatePath("/admin", "layout");
  if (result.reveal) return { kind: "reveal", notice: result.notice, reveal: result.reveal };
  return { kind: "done", notice: result.notice, redirectTo: result.redirectTo ?? null };
}

/** Sign-out: ends the SSO session, clears the cookie, back to the home page. */
export async function signOut(): Promise<void> {
  const app = getAppContext();
  const jar = await cookies();
  await signOutAdmin(app.db, await cookieHeader(), app.now(), await requestClient());
  const secure = app.orgUrl.toLowerCase().startsWith("https://");
  jar.set(SESSION_COOKIE_NAME, "", { maxAge: 0, path: "/", httpOnly: true, secure, sameSite: secure ? "none" : "lax" });
  redirect("/");
}
