/**
 * The Content-Security-Policy of the pages Next.js renders for people (hosted sign-in, consent,
 * the admin dashboard): scripts only from this origin and only with this response's nonce, which
 * Next.js puts on its own bootstrap and chunk scripts ('strict-dynamic' lets those load the rest);
 * no plugins, no <base>, no framing (`frameAncestors`: the sources the sign-in and consent pages
 * may be framed by, hostedPageFraming). CSP 3: a nonce source makes 'unsafe-inline' (if ever added)
 * ignored. `next dev` needs 'unsafe-eval' for React's debugging tools; production never gets it.
 */
export function renderedPageCsp(nonce: string, options: { dev?: boolean; frameAncestors?: string } = {}): string {
  if (!/^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(nonce)) throw new RangeError("A CSP nonce must be at least 16 base64 characters.");
  const script = [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`, ...(options.dev ? [`'unsafe-eval'`] : [])].join(" ");
  return `script-src ${script}; object-src 'none'; base-uri 'none'; frame-ancestors ${options.frameAncestors ?? "'none'"}`;
}
