"use client";

import { browserSupportsWebAuthnAutofill, startAuthentication, WebAuthnAbortService } from "@simplewebauthn/browser";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * "Sign in with a passkey" on the hosted sign-in page (passwordless, issue 16 item 4; shown when the
 * org setting passwordlessPasskeys is on; needs JavaScript). It asks /signin/passkey/options for a
 * challenge any registered passkey may answer (a discoverable credential names its user), runs the
 * browser's ceremony and posts the answer to /signin/submit (`action=passkey`, the same 303 flow as
 * the password). Where the browser supports it, the same ceremony also starts in conditional
 * mediation (W3C WebAuthn 5.1.4, `mediation: "conditional"`): the username field
 * (`autocomplete="username webauthn"`) then offers the user's passkeys among its suggestions.
 * A cancelled or failed ceremony started by the button is announced (role=alert).
 */
export function PasskeySignin({ flowFields, csrfToken, label, failedMessage }: { flowFields: Record<string, string>; csrfToken: string; label: string; failedMessage: string }) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const form = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState("");

  async function ceremony(autofill: boolean) {
    const answer = await fetch("/signin/passkey/options", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...flowFields, csrf: csrfToken, purpose: "passwordless" }).toString(),
      credentials: "same-origin",
    });
    if (!answer.ok) throw new Error("options");
    const body = await answer.json();
    const response = await startAuthentication({ optionsJSON: body.options, useBrowserAutofill: autofill });
    const fields = form.current!.elements;
    (fields.namedItem("response") as HTMLInputElement).value = JSON.stringify(response);
    (fields.namedItem("challengeId") as HTMLInputElement).value = body.challengeId;
    form.current!.submit();
  }

  // Conditional UI: started once, quietly; the button's ceremony cancels it (WebAuthnAbortService).
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      if (!(await browserSupportsWebAuthnAutofill()) || cancelled) return;
      await ceremony(true).catch(() => undefined);
    })();
    return () => {
      cancelled = true;
      WebAuthnAbortService.cancelCeremony();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per page
  }, []);

  async function run() {
    setBusy(true);
    setProblem("");
    try {
      await ceremony(false);
    } catch {
      setBusy(false);
      setProblem(failedMessage);
    }
  }

  if (!hydrated) return null;
  return (
    <form ref={form} method="post" action="/signin/submit" className="mt-6 flex flex-col gap-3 border-t border-slate-200 pt-6">
      {Object.entries(flowFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="csrf" value={csrfToken} />
      <input type="hidden" name="action" value="passkey" />
      <input type="hidden" name="response" defaultValue="" />
      <input type="hidden" name="challengeId" defaultValue="" />
      <div role="alert" aria-live="assertive" className={problem ? "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" : "sr-only"}>
        {problem}
      </div>
      <button
        type="button"
        onClick={run}
        disabled={busy}
        className="rounded-md border border-brand-600 bg-white px-4 py-2 font-medium text-brand-700 shadow-sm hover:bg-slate-50 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60"
      >
        {label}
      </button>
    </form>
  );
}
