import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center gap-4 px-6">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-700">There is nothing at this address.</p>
      <Link href="/" className="text-brand-600 underline">
        Back to the home page
      </Link>
    </main>
  );
}
