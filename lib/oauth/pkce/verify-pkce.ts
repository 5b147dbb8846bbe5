import { timingSafeEqualStrings } from "../../crypto/timing-safe-equal-strings";
import { computeCodeChallenge } from "./compute-code-challenge";

/** RFC 7636 4.1: 43-128 characters of the unreserved set [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~". */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export type PkceFailure =
  /** a code_verifier was sent but the authorization request had no code_challenge (downgrade) */
  | "unexpected_verifier"
  /** the authorization request had a code_challenge but no code_verifier was sent */
  | "missing_verifier"
  /** the code_verifier is not 43-128 unreserved characters */
  | "malformed_verifier"
  /** the stored method is not S256 (plain is not supported) */
  | "unsupported_method"
  /** BASE64URL(SHA256(verifier)) differs from the challenge */
  | "mismatch";

export type PkceResult = { ok: true; used: boolean } | { ok: false; failure: PkceFailure };

/**
 * RFC 7636 4.6 at the token endpoint, S256 only (pure; the verifier is checked before the method, so a
 * malformed verifier is reported as such whatever was stored). `used` tells the caller whether the
 * exchange was PKCE-protected (public clients must be). No challenge and no verifier: ok, unused.
 * A verifier without a stored challenge is refused: accepting it would let an attacker who strips
 * the challenge from the authorization request pass a code off as PKCE-protected (downgrade).
 */
export function verifyPkce(stored: { challenge: string | null; method: string | null }, verifier: string | undefined): PkceResult {
  if (!stored.challenge) return verifier === undefined ? { ok: true, used: false } : { ok: false, failure: "unexpected_verifier" };
  if (verifier === undefined) return { ok: false, failure: "missing_verifier" };
  if (!VERIFIER.test(verifier)) return { ok: false, failure: "malformed_verifier" };
  // RFC 7636 4.3: an absent method means "plain", which this server does not support.
  if (stored.method !== "S256") return { ok: false, failure: "unsupported_method" };
  return timingSafeEqualStrings(computeCodeChallenge(verifier), stored.challenge) ? { ok: true, used: true } : { ok: false, failure: "mismatch" };
}
