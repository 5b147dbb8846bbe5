import type { AppContext } from "../../app-context";
import { findVerificationKey } from "../verify/find-verification-key";
import { verifyServerJwt } from "../verify/verify-server-jwt";
import type { ServerSnapshot } from "../snapshot/types";

/**
 * The `sub` of an id_token_hint (OIDC Core 3.1.2.1), or null when it is not an ID token this
 * server signed. The hint may have expired (the spec allows it), so its expiry is not checked:
 * the signature, issuer and shape are. It only ever narrows what the request may do (a different
 * user than the session's means login_required), never grants anything.
 */
export async function decodeIdTokenHint(app: AppContext, snapshot: ServerSnapshot, issuer: string, hint: string, now: Date): Promise<string | null> {
  const payloadPart = hint.split(".")[1] ?? "";
  let exp: unknown;
  try {
    exp = (JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8")) as Record<string, unknown>).exp;
  } catch {
    return null;
  }
  if (typeof exp !== "number" || !Number.isFinite(exp)) return null;
  // Verify as of one second before expiry when the hint is past it (an expired hint is still a hint).
  const at = exp * 1000 <= now.getTime() ? new Date(exp * 1000 - 1000) : now;
  const payload = await verifyServerJwt(hint, {
    issuer,
    now: at,
    resolveKey: (kid) => findVerificationKey(app.db, app.secretsKey, snapshot.id, snapshot.configVersion, kid, now),
  });
  if (!payload || typeof payload.sub !== "string" || typeof payload.aud !== "string" || typeof payload.jti !== "string" || !payload.jti.startsWith("ID.")) return null;
  return payload.sub;
}
