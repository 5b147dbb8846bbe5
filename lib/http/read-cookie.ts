/** Every raw value of cookie `name` in a Cookie request header, in order (RFC 6265 5.4). */
export function readCookieValues(cookieHeader: string | null | undefined, name: string): string[] {
  if (!cookieHeader) return [];
  const values: string[] = [];
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index >= 0 && part.slice(0, index).trim() === name) values.push(part.slice(index + 1).trim());
  }
  return values;
}

/** The first value of cookie `name` in a Cookie request header (surrounding DQUOTEs removed), or null. */
export function readCookie(cookieHeader: string | null | undefined, name: string): string | null {
  const value = readCookieValues(cookieHeader, name)[0];
  if (value === undefined) return null;
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}
