/** Where the hosted pages and the resume step live (absolute, from ORG_URL: never from Host). */
export const hostedUrls = {
  signin: (orgUrl: string, requestId: string, error?: string) =>
    `${orgUrl}/signin?request=${encodeURIComponent(requestId)}${error ? `&error=${encodeURIComponent(error)}` : ""}`,
  /** the sign-in page without an authorization request, back to a safe `return_to` afterwards */
  signinReturnTo: (orgUrl: string, returnTo: string, extra: { error?: string; started?: boolean } = {}) =>
    `${orgUrl}/signin?return_to=${encodeURIComponent(returnTo)}${extra.started ? "&started=1" : ""}${extra.error ? `&error=${encodeURIComponent(extra.error)}` : ""}`,
  /** sets the sign-in CSRF cookie, then back to signinReturnTo */
  signinStart: (orgUrl: string, returnTo: string) => `${orgUrl}/signin/start?return_to=${encodeURIComponent(returnTo)}`,
  /** the 503 "try again" page for a page Next.js could not render for want of the database (relative: for redirect()) */
  unavailable: (retryPath: string) => `/unavailable?retry=${encodeURIComponent(retryPath)}`,
  consent: (orgUrl: string, requestId: string) => `${orgUrl}/consent?request=${encodeURIComponent(requestId)}`,
  /** `resumeUrl`: the server's `/v1/authorize/resume` (lib/authorization-servers buildEndpointUrl) */
  resume: (resumeUrl: string, requestId: string) => `${resumeUrl}?request=${encodeURIComponent(requestId)}`,
};
