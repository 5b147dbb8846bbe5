"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { DEFAULT_PAGE_BRAND } from "@/lib/http/page-brand";
import { HostedFrame } from "./_hosted/hosted-frame";

/**
 * The error boundary of the pages outside /admin (sign-in, consent): a page whose data could not be
 * read, in practice the database being unavailable, asks the person to try again instead of
 * showing a crash. The cause is in the server log. Drawn in the hosted page shell with the neutral
 * brand: a client component cannot read the brand, and the database it lives in is likely down.
 */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  // The failure happened while the server rendered: render it there again, then here.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <HostedFrame brand={DEFAULT_PAGE_BRAND} touchPoint="error">
      <div role="alert">
        <h1 className="mb-3 text-xl font-semibold">Service temporarily unavailable</h1>
        <p className="mb-6 text-slate-700">This page could not be loaded right now. Nothing was changed: wait a few seconds and try again.</p>
      </div>
      <button
        type="button"
        onClick={retry}
        className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        Try again
      </button>
    </HostedFrame>
  );
}
