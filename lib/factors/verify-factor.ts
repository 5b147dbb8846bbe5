import type { Db } from "../db/create-db-client";
import type { UserFactor } from "../db/generated/sqlite/client";
import type { InTransaction, RecordChange } from "../db/record-change";
import { checkWebAuthnAssertion } from "./check-webauthn-assertion";
import { consumeWebAuthnChallenge } from "./consume-webauthn-challenge";
import { issueWebAuthnChallenge } from "./issue-webauthn-challenge";
import type { RelyingParty } from "./relying-party";
import { readClientDataChallenge } from "./read-client-data-challenge";
import { TOTP_FACTOR } from "./supported-factors";
import { toBase64Url } from "./to-base64url";
import { verifyTotpFactor } from "./verify-totp-factor";

/** A TOTP code, or a WebAuthn assertion; a WebAuthn factor given none of its fields is issued a challenge. */
export type VerificationProof = { passCode?: string; clientData?: string; authenticatorData?: string; signatureData?: string };

export type VerifyFactorResult =
  | { outcome: "success"; factor: UserFactor }
  /** a WebAuthn factor was issued a challenge (single use, expiring) to sign */
  | { outcome: "challenge"; factor: UserFactor; challenge: string }
  /** a wrong code or an assertion that does not verify (a guess: the caller counts it); the reason is for the System Log only */
  | { outcome: "invalid"; factor: UserFactor; reason: string }
  /** a right TOTP code already used (PASSCODE_REPLAYED) */
  | { outcome: "reused"; factor: UserFactor }
  | { outcome: "missing-proof"; fields: string[] }
  | { outcome: "not-active" }
  | { outcome: "gone" };

/** The outcomes `record` is called with: the ones that checked a proof. */
export type CheckedVerification = Extract<VerifyFactorResult, { outcome: "success" | "invalid" | "reused" }>;

/**
 * Verifies an ACTIVE factor of a user, in one transaction: a TOTP code (verifyTotpFactor: each code
 * once), or a WebAuthn assertion answering the factor's authentication challenge (taken once),
 * whose counter must move forward; the new counter is written only if no other assertion moved it
 * meanwhile. `record` runs in the transaction for every checked proof (success, invalid, reused), so
 * a success and its System Log event commit together, and failures are logged too.
 */
export async function verifyFactor(
  db: Db,
  input: { userId: string; factorId: string; proof: VerificationProof; now: Date; secretsKey: Buffer; rp: RelyingParty },
  record: RecordChange<CheckedVerification>,
): Promise<VerifyFactorResult> {
  return db.$transaction(async (tx) => {
    const factor = await tx.userFactor.findFirst({ where: { id: input.factorId, userId: input.userId } });
    if (!factor) return { outcome: "gone" as const };
    if (factor.status !== "ACTIVE") return { outcome: "not-active" as const };
    const result = factor.factorType === TOTP_FACTOR ? await verifyTotp(tx, factor, input) : await verifyWebAuthn(tx, factor, input);
    if (result.outcome === "success" || result.outcome === "invalid" || result.outcome === "reused") await record(tx, result);
    return result;
  });
}

type VerifyInput = Parameters<typeof verifyFactor>[1];

async function verifyTotp(tx: InTransaction, factor: UserFactor, input: VerifyInput): Promise<VerifyFactorResult> {
  const { passCode } = input.proof;
  if (passCode === undefined) return { outcome: "missing-proof", fields: ["passCode"] };
  const verified = await verifyTotpFactor(tx, { factor, code: passCode, now: input.now, secretsKey: input.secretsKey });
  if (verified === "accepted") return { outcome: "success", factor };
  return verified === "reused" ? { outcome: "reused", factor } : { outcome: "invalid", factor, reason: "INVALID_PASSCODE" };
}

async function verifyWebAuthn(tx: InTransaction, factor: UserFactor, input: VerifyInput): Promise<VerifyFactorResult> {
  const { clientData, authenticatorData, signatureData } = input.proof;
  if (clientData === undefined && authenticatorData === undefined && signatureData === undefined) {
    return { outcome: "challenge", factor, challenge: await issueWebAuthnChallenge(tx, { factorId: factor.id, purpose: "authentication", now: input.now }) };
  }
  if (clientData === undefined || authenticatorData === undefined || signatureData === undefined) {
    return { outcome: "missing-proof", fields: [["clientData", clientData], ["authenticatorData", authenticatorData], ["signatureData", signatureData]].flatMap(([name, value]) => (value === undefined ? [name as string] : [])) };
  }
  const clientDataJSON = toBase64Url(clientData);
  const challenge = readClientDataChallenge(clientDataJSON);
  if (!challenge) return { outcome: "invalid", factor, reason: "the client data is not WebAuthn client data" };
  if (!(await consumeWebAuthnChallenge(tx, { challenge, factorId: factor.id, purpose: "authentication", now: input.now }))) {
    return { outcome: "invalid", factor, reason: "the challenge was not issued for this factor, was used, or expired" };
  }
  const checked = await checkWebAuthnAssertion(tx, factor, { clientData: clientDataJSON, authenticatorData: toBase64Url(authenticatorData), signature: toBase64Url(signatureData), challenge, rp: input.rp, now: input.now });
  return checked.ok ? { outcome: "success", factor } : { outcome: "invalid", factor, reason: checked.reason };
}
