/**
 * RFC 6749 3.3: the `scope` parameter is a list of space-delimited, case-sensitive names. Returns
 * them in request order without repeats, or null when the parameter is absent or blank.
 */
export function parseScopeParam(value: string | undefined): string[] | null {
  const names = [...new Set((value ?? "").split(" ").filter((name) => name.length > 0))];
  return names.length > 0 ? names : null;
}
