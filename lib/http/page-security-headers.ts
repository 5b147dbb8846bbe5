/**
 * Headers for every HTML page we serve that must not be framed (sign-in, consent, errors,
 * signed-out): anti-framing both ways (CSP frame-ancestors for modern browsers, X-Frame-Options
 * for old ones), no referrer (authorize URLs carry state and login hints), no caching.
 * `scriptNonce` allows the page's own inline script (e.g. the form_post auto-submit) under a
 * strict CSP; pages without script get `script-src 'none'`.
 */
export function pageSecurityHeaders(options: { scriptNonce?: string; frameAncestors?: string } = {}): Record<string, string> {
  const scriptSrc = options.scriptNonce ? `'nonce-${options.scriptNonce}'` : "'none'";
  const frameAncestors = options.frameAncestors ?? "'none'";
  const headers: Record<string, string> = {
    "Content-Security-Policy": `default-src 'none'; script-src ${scriptSrc}; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; form-action *; base-uri 'none'; frame-ancestors ${frameAncestors}`,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    Pragma: "no-cache",
  };
  if (frameAncestors === "'none'") headers["X-Frame-Options"] = "DENY";
  return headers;
}
