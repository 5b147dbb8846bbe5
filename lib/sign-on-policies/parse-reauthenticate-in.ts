/**
 * The longest re-authentication period an authentication policy rule may set: 43,800 hours (five
 * years of 365 days), the value Okta's own policies use for "never re-authenticate while the session
 * lasts" (`PT43800H`).
 */
export const MAX_REAUTHENTICATE_SECONDS = 43_800 * 3600;

/** Longer input is refused before any matching (bounded work). */
const MAX_LENGTH = 32;

// ISO 8601 durations in days and time (PnDTnHnMnS) or weeks (PnW), whole numbers only: the parts
// of fixed length. Years and months (whose length depends on the calendar) and fractions are not accepted.
const DURATION = /^P(?:(\d{1,5})W|(?:(\d{1,5})D)?(?:T(?:(\d{1,7})H)?(?:(\d{1,9})M)?(?:(\d{1,11})S)?)?)$/;

/**
 * `reauthenticateIn` of an authentication policy rule (Okta: verificationMethod.reauthenticateIn,
 * an ISO 8601 duration such as `PT2H`, `PT43800H` or `PT0S`) as seconds, or null when it is not a
 * duration this server accepts: ISO 8601 section 4.4.3.2 with whole numbers of weeks, days, hours,
 * minutes and seconds (at least one part, `T` only before a time part), from 0 to
 * MAX_REAUTHENTICATE_SECONDS. Pure, bounded: the input's length is capped and the pattern has no
 * nested repetition.
 */
export function parseReauthenticateIn(value: string): number | null {
  if (value.length > MAX_LENGTH) return null;
  const match = DURATION.exec(value);
  if (!match || value === "P" || value.endsWith("T")) return null;
  const [, weeks, days, hours, minutes, seconds] = match.map((part) => (part === undefined ? 0 : Number(part)));
  const total = weeks! * 604_800 + days! * 86_400 + hours! * 3600 + minutes! * 60 + seconds!;
  return total <= MAX_REAUTHENTICATE_SECONDS ? total : null;
}
