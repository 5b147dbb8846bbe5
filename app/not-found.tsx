import Link from "next/link";
import { HostedCard } from "./_hosted/hosted-card";

export default function NotFound() {
  return (
    <HostedCard touchPoint="error" locale="en">
      <h1 className="mb-3 text-2xl font-semibold">Page not found</h1>
      <p className="mb-4 text-slate-700">There is nothing at this address.</p>
      <Link href="/" className="text-brand-700 underline">
        Back to the home page
      </Link>
    </HostedCard>
  );
}
