/**
 * The post-logout redirect with `state` appended as a query parameter (OIDC RP-Initiated Logout
 * 1.0, section 3), leaving the registered URI itself byte for byte as it is (no URL
 * re-serialisation): `?state=` or `&state=` before any fragment. No state: the URI unchanged.
 */
export function appendState(uri: string, state: string | undefined | null): string {
  if (!state) return uri;
  const hash = uri.indexOf("#");
  const base = hash < 0 ? uri : uri.slice(0, hash);
  const fragment = hash < 0 ? "" : uri.slice(hash);
  const separator = base.includes("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
  return `${base}${separator}state=${encodeURIComponent(state)}${fragment}`;
}
