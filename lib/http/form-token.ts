import { createHmac, hkdfSync } from "node:crypto";
import { timingSafeEqualStrings } from "../crypto/timing-safe-equal-strings";

const keys = new WeakMap<Buffer, Map<string, Buffer>>();

/** The key of one purpose (HKDF-SHA256 from the secrets key, info `idp:<purpose>`), derived once per process. */
function purposeKey(secretsKey: Buffer, purpose: string): Buffer {
  let byPurpose = keys.get(secretsKey);
  if (!byPurpose) keys.set(secretsKey, (byPurpose = new Map()));
  let key = byPurpose.get(purpose);
  if (!key) byPurpose.set(purpose, (key = Buffer.from(hkdfSync("sha256", secretsKey, Buffer.alloc(0), `idp:${purpose}`, 32))));
  return key;
}

/**
 * A CSRF token that binds a form to what the browser holds (its session, a pending request's
 * cookie): HMAC-SHA256, under a key derived from APP_SECRET for `purpose`, of the parts (each
 * percent-encoded, so the separator "|" never occurs inside one, joined with "|"). Nobody without APP_SECRET can make one, and a token made for
 * other parts (another session, another request, another cookie) never matches.
 */
export function formToken(secretsKey: Buffer, purpose: string, parts: readonly string[]): string {
  return createHmac("sha256", purposeKey(secretsKey, purpose))
    .update(parts.map((part) => encodeURIComponent(part)).join("|"), "utf8")
    .digest("base64url");
}

/** Whether `token` is formToken(secretsKey, purpose, parts), in constant time. */
export function checkFormToken(secretsKey: Buffer, purpose: string, parts: readonly string[], token: string | null | undefined): boolean {
  return typeof token === "string" && timingSafeEqualStrings(token, formToken(secretsKey, purpose, parts));
}
