"use client";

import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import { useRef, useState, useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * The passkey prompt of the factor page (needs JavaScript; bundled from @simplewebauthn/browser by
 * Next.js, so the page's CSP nonce covers it): asks the server for WebAuthn options
 * (/signin/passkey/options), runs the browser's ceremony, puts the answer in the hidden fields of
 * a form posted to /signin/factor/submit (the same 303 flow as the code form). A cancelled or failed
 * ceremony is announced (role=alert).
 */
export function PasskeyButton({
  purpose,
  flowFields,
  csrfToken,
  label,
  failedMessage,
  needsScript,
}: {
  purpose: "authenticate" | "register";
  /** the fields naming the sign-in: {request} or {return_to} */
  flowFields: Record<string, string>;
  csrfToken: string;
  label: string;
  failedMessage: string;
  /** what shows before the script runs (or when it cannot) */
  needsScript: string;
}) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const form = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState("");

  async function run() {
    setBusy(true);
    setProblem("");
    try {
      const answer = await fetch("/signin/passkey/options", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ ...flowFields, csrf: csrfToken, purpose }).toString(),
        credentials: "same-origin",
      });
      if (!answer.ok) throw new Error("options");
      const body = await answer.json();
      const fields = form.current!.elements;
      if (purpose === "authenticate") {
        const response = await startAuthentication({ optionsJSON: body.options });
        (fields.namedItem("response") as HTMLInputElement).value = JSON.stringify(response);
        (fields.namedItem("challengeId") as HTMLInputElement).value = body.challengeId;
      } else {
        const response = await startRegistration({ optionsJSON: body.options });
        (fields.namedItem("attestation") as HTMLInputElement).value = response.response.attestationObject;
        (fields.namedItem("clientData") as HTMLInputElement).value = response.response.clientDataJSON;
      }
      form.current!.submit();
    } catch {
      setBusy(false);
      setProblem(failedMessage);
    }
  }

  if (!hydrated) return <p className="text-sm text-slate-600">{needsScript}</p>;
  return (
    <form ref={form} method="post" action="/signin/factor/submit" className="flex flex-col gap-3">
      {Object.entries(flowFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="csrf" value={csrfToken} />
      <input type="hidden" name="action" value={purpose === "authenticate" ? "webauthn" : "activate"} />
      {purpose === "authenticate" ? (
        <>
          <input type="hidden" name="response" defaultValue="" />
          <input type="hidden" name="challengeId" defaultValue="" />
        </>
      ) : (
        <>
          <input type="hidden" name="attestation" defaultValue="" />
          <input type="hidden" name="clientData" defaultValue="" />
        </>
      )}
      <div role="alert" aria-live="assertive" className={problem ? "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" : "sr-only"}>
        {problem}
      </div>
      <button
        type="button"
        onClick={run}
        disabled={busy}
        className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60"
      >
        {label}
      </button>
    </form>
  );
}
