import Link from "next/link";

/** A dashboard page the signed-in admin's roles do not open (adminCall's forbidden(): 403, or 200 when the page streams behind the loading state, as not-found does). */
export default function AdminForbidden() {
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm font-semibold text-red-700">403 Forbidden</p>
      <h1 className="text-2xl font-semibold">Your role cannot open this page</h1>
      <p className="text-slate-700">Your admin roles do not include access to this part of the dashboard. Ask a super administrator if you need it.</p>
      <Link href="/admin" className="text-brand-700 underline">
        Back to the overview
      </Link>
    </div>
  );
}
