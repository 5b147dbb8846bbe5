import Link from "next/link";

export default function AdminNotFound() {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-slate-700">That item does not exist (it may have been deleted).</p>
      <Link href="/admin" className="text-brand-700 underline">
        Back to the overview
      </Link>
    </div>
  );
}
