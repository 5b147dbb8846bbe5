/** Okta's HAL-style links: `{href, hints: {allow: [...]}}`. */
export type Link = { href: string; hints?: { allow: string[] } };

export function link(orgUrl: string, path: string, allow?: string[]): Link {
  return allow ? { href: `${orgUrl}${path}`, hints: { allow } } : { href: `${orgUrl}${path}` };
}

/** ISO-8601 with milliseconds, as Okta writes timestamps. */
export function isoTime(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}
