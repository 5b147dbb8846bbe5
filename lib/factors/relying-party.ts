/**
 * The WebAuthn relying party (W3C WebAuthn Level 3, 5.4.2): the RP ID is the org's host name, and
 * the one origin a ceremony is accepted from is the org's own (its hosted pages).
 */
export type RelyingParty = { id: string; name: string; origin: string };

export function relyingPartyFor(orgUrl: string): RelyingParty {
  const url = new URL(orgUrl);
  return { id: url.hostname, name: url.hostname, origin: url.origin };
}
