import type { Metadata } from "next";
import { headers } from "next/headers";
import { getAppContext } from "@/lib/app-context";
import { loadSigninView } from "@/lib/hosted/load-signin-view";
import { HostedCard } from "../_hosted/hosted-card";
import { HostedNotice } from "../_hosted/hosted-notice";
import { searchParam, type SearchParams } from "../_hosted/search-param";
import { PasswordField } from "./password-field";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };

const INPUT =
  "w-full rounded-md border border-slate-300 px-3 py-2 text-base focus:border-brand-600 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

/**
 * The hosted sign-in page (/signin?request=<id>): server-rendered, works without JavaScript. The
 * form posts to /signin/submit with the request id and its CSRF token.
 */
export default async function SigninPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const app = getAppContext();
  const view = await loadSigninView(app.db, {
    requestId: searchParam(query, "request"),
    error: searchParam(query, "error"),
    cookieHeader: (await headers()).get("cookie"),
    now: app.now(),
  });
  if (!view.ok) return <HostedNotice reason={view.reason} />;

  const error = view.error;
  // The first field to fix: the username when it is empty, else the password.
  const focusUsername = view.username === "";
  const usernameInvalid = error !== null && (error.kind !== "missing" || view.username === "");
  const passwordInvalid = error !== null && !usernameInvalid;
  return (
    <HostedCard appLabel={view.appLabel} logoUri={view.logoUri}>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Sign in</h1>
      <div id="signin-error" role="alert" aria-live="assertive" className={error ? "mb-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" : "sr-only"}>
        {error?.message ?? ""}
      </div>
      <form method="post" action="/signin/submit" className="flex flex-col gap-4">
        <input type="hidden" name="request" value={view.requestId} />
        <input type="hidden" name="csrf" value={view.csrfToken} />
        <div className="flex flex-col gap-1">
          <label htmlFor="username" className="text-sm font-medium text-slate-800">
            Username
          </label>
          <input
            id="username"
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            defaultValue={view.username}
            autoFocus={focusUsername}
            aria-invalid={usernameInvalid || undefined}
            aria-describedby={error ? "signin-error" : undefined}
            className={INPUT}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="password" className="text-sm font-medium text-slate-800">
            Password
          </label>
          <PasswordField autoFocus={!focusUsername} invalid={passwordInvalid} describedBy={error ? "signin-error" : undefined} />
        </div>
        <button
          type="submit"
          className="mt-2 rounded-md bg-brand-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          Sign in
        </button>
      </form>
    </HostedCard>
  );
}
