import { randomBytes } from "node:crypto";

/** Okta-style type prefixes: an id is the prefix plus 17 random base62 characters (20 in all). */
export const ID_PREFIX = {
  user: "00u",
  group: "00g",
  app: "0oa",
  authorizationServer: "aus",
  policy: "00p",
  rule: "0pr",
  scope: "scp",
  claim: "ocl",
  apiToken: "00T",
  trustedOrigin: "tos",
  networkZone: "nzo",
  clientSecret: "ocs",
  session: "102",
  refreshToken: "oar",
  consentGrant: "oag",
  pendingAuthorization: "ftx",
  /** token:software:totp, provider OKTA (Okta Verify's TOTP factors are ost...) */
  oktaTotpFactor: "ost",
  /** token:software:totp, provider GOOGLE */
  googleTotpFactor: "uft",
  /** webauthn, provider FIDO */
  webauthnFactor: "fwf",
  /** an admin role assignment (Okta's Role object) */
  roleAssignment: "ra1",
  /** an okta.* scope granted to an app (Okta's OAuth2ScopeConsentGrant, like consent grants) */
  appScopeGrant: "oag",
} as const;

export type IdKind = keyof typeof ID_PREFIX;

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const ID_LENGTH = 20;

/** Uniform base62 characters by rejection sampling (bytes >= 248 are dropped: 248 = 4 * 62). */
export function randomBase62(length: number, random: (size: number) => Buffer = randomBytes): string {
  let out = "";
  while (out.length < length) {
    for (const byte of random(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export function newId(kind: IdKind, random?: (size: number) => Buffer): string {
  const prefix = ID_PREFIX[kind];
  return prefix + randomBase62(ID_LENGTH - prefix.length, random);
}
