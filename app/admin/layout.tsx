import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { signOut } from "./actions";
import { AdminNav } from "./_components/mobile-nav";
import { NoticeProvider } from "./_components/notice";
import { PermissionsProvider } from "./_components/permissions";
import { permissionsOf } from "@/lib/dashboard/actions/action-permissions";
import { roleLabel } from "@/lib/dashboard/role-options";
import { buttonClass } from "./_components/ui";
import { checkAdmin, SIGN_IN_PATH } from "./_lib/admin-request";
import { orUnavailable } from "../_hosted/or-unavailable";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Identity Provider" }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const check = await orUnavailable("/admin", {}, checkAdmin);
  if (!check.ok && check.reason === "signin") redirect(SIGN_IN_PATH);
  if (!check.ok) return <Forbidden />;
  const { admin } = check;
  return (
    <PermissionsProvider permissions={permissionsOf(admin.roles)}>
      <div className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <header className="flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3">
          <Link href="/admin" className="flex items-center gap-2 font-semibold text-slate-900">
            {/* eslint-disable-next-line @next/next/no-img-element -- a tiny static logo */}
            <img src="/logo.svg" alt="" width={28} height={28} />
            <span>
              Identity Provider <span className="font-normal text-slate-500">Admin</span>
            </span>
          </Link>
          <div className="flex items-center gap-3">
            <p className="hidden text-right text-sm sm:block">
              <span className="block font-medium text-slate-900" data-testid="signed-in-admin">
                {admin.displayName}
              </span>
              <span className="block text-slate-600">{admin.login}</span>
              <span className="block text-slate-600" data-testid="signed-in-roles">
                {admin.roles.map(roleLabel).join(", ")}
              </span>
            </p>
            <form action={signOut}>
              <button type="submit" className={buttonClass.secondary}>
                Sign out
              </button>
            </form>
          </div>
        </header>
        <div className="flex flex-1 flex-col lg:flex-row">
          <AdminNav />
          <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-8">
            <NoticeProvider>{children}</NoticeProvider>
          </main>
        </div>
      </div>
    </PermissionsProvider>
  );
}

function Forbidden() {
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center gap-4 px-6">
      <p className="text-sm font-semibold text-red-700">403 Forbidden</p>
      <h1 className="text-2xl font-semibold">You don&apos;t have access to the admin dashboard</h1>
      <p className="text-slate-700">You are signed in, but your account is not an administrator of this organization. Ask an administrator for access, or sign out and sign in with an admin account.</p>
      <div className="flex gap-3">
        <form action={signOut}>
          <button type="submit" className={buttonClass.secondary}>
            Sign out
          </button>
        </form>
        <Link href="/" className={buttonClass.link}>
          Back to the home page
        </Link>
      </div>
    </main>
  );
}
