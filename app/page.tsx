import Image from "next/image";

export default function HomePage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center gap-6 px-6 py-16">
      <div className="flex items-center gap-3">
        <Image src="/logo.svg" alt="" width={40} height={40} priority />
        <h1 className="text-3xl font-semibold tracking-tight">Identity Provider</h1>
      </div>
      <p className="text-lg text-slate-700">
        A self-hosted, Okta-compatible OAuth 2.0 Authorization Server and OpenID Provider. Point apps written for Okta at this
        server&apos;s URL and they sign users in here.
      </p>
      <div className="flex flex-wrap gap-3">
        <a
          href="/admin"
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-brand-700"
        >
          Admin sign-in
        </a>
        <a
          href="/account"
          className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100"
        >
          My account
        </a>
        <a
          href="/oauth2/default/.well-known/openid-configuration"
          className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100"
        >
          OpenID configuration
        </a>
      </div>
    </main>
  );
}
