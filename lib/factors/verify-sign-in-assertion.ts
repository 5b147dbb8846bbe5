import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { hashToken } from "../crypto/hash-token";
import type { Db } from "../db/create-db-client";
import type { UserFactor } from "../db/generated/sqlite/client";
import type { InTransaction, RecordChange } from "../db/record-change";
import { checkWebAuthnAssertion } from "./check-webauthn-assertion";
import { readClientDataChallenge } from "./read-client-data-challenge";
import type { RelyingParty } from "./relying-party";
import { WEBAUTHN_FACTOR } from "./supported-factors";
import { toBase64Url } from "./to-base64url";

export type SignInAssertionResult =
  | { outcome: "success"; factor: UserFactor; deviceType: "singleDevice" | "multiDevice" }
  /** an assertion that does not verify (a guess: the caller counts it); the reason is for the System Log only */
  | { outcome: "invalid"; factor: UserFactor; reason: string }
  /** no ACTIVE passkey of this user (or, passwordless, of anyone) has this credential id */
  | { outcome: "gone" };

export type CheckedAssertion = Extract<SignInAssertionResult, { outcome: "success" | "invalid" }>;

/**
 * Verifies a sign-in's WebAuthn assertion (@simplewebauthn/browser's AuthenticationResponseJSON), in
 * one transaction: the ACTIVE passkey with the response's credential id (of `userId`, or of anyone
 * when null: passwordless, and then the response's userHandle, when given, must be that factor's
 * user); the client data must carry `challengeId`, a challenge issued for this sign-in
 * (issueSignInChallenge, for the user or for anyone) or for this factor (the Authentication API's
 * MFA_CHALLENGE), taken once; then checkWebAuthnAssertion (signature, UV, counter). `record` runs in
 * the transaction for every checked answer (success, invalid).
 */
export async function verifySignInAssertion(
  db: Db,
  input: { userId: string | null; response: AuthenticationResponseJSON; challengeId: string; now: Date; rp: RelyingParty },
  record: RecordChange<CheckedAssertion>,
): Promise<SignInAssertionResult> {
  const { response } = input;
  if (typeof response?.id !== "string" || !response.response || typeof response.response.clientDataJSON !== "string") return { outcome: "gone" };
  return db.$transaction(async (tx) => {
    const factor = await tx.userFactor.findFirst({ where: { credentialId: response.id, factorType: WEBAUTHN_FACTOR, status: "ACTIVE", ...(input.userId ? { userId: input.userId } : {}) } });
    if (!factor) return { outcome: "gone" as const };
    const result = await check(tx, factor, input);
    await record(tx, result);
    return result;
  });
}

async function check(tx: InTransaction, factor: UserFactor, input: Parameters<typeof verifySignInAssertion>[1]): Promise<CheckedAssertion> {
  const { response } = input;
  const invalid = (reason: string): CheckedAssertion => ({ outcome: "invalid", factor, reason });
  const clientData = toBase64Url(response.response.clientDataJSON);
  if (readClientDataChallenge(clientData) !== input.challengeId) return invalid("the client data does not carry this sign-in's challenge");
  const userHandle = response.response.userHandle;
  if (typeof userHandle === "string" && userHandle.length > 0 && toBase64Url(userHandle) !== factor.userId) return invalid("the user handle is not the credential's user");
  const { count } = await tx.webAuthnChallenge.deleteMany({
    where: {
      challengeHash: hashToken(input.challengeId),
      purpose: "authentication",
      expiresAt: { gt: input.now },
      OR: [{ factorId: factor.id }, { factorId: null, userId: factor.userId }, { factorId: null, userId: null }],
    },
  });
  if (count !== 1) return invalid("the challenge was not issued for this sign-in, was used, or expired");
  if (typeof response.response.authenticatorData !== "string" || typeof response.response.signature !== "string") return invalid("the assertion is incomplete");
  const checked = await checkWebAuthnAssertion(tx, factor, {
    clientData,
    authenticatorData: toBase64Url(response.response.authenticatorData),
    signature: toBase64Url(response.response.signature),
    challenge: input.challengeId,
    rp: input.rp,
    now: input.now,
  });
  return checked.ok ? { outcome: "success", factor, deviceType: checked.deviceType } : invalid(checked.reason);
}
