"use client";

export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900">
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p className="mt-1">The page could not be loaded{error.digest ? ` (reference ${error.digest})` : ""}.</p>
      <button type="button" onClick={reset} className="mt-3 rounded-md border border-red-300 bg-white px-3 py-1.5 font-medium">
        Try again
      </button>
    </div>
  );
}
