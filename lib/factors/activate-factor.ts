import type { Db } from "../db/create-db-client";
import type { UserFactor } from "../db/generated/sqlite/client";
import type { InTransaction, RecordChange } from "../db/record-change";
import { authenticatorName } from "./authenticator-names";
import { consumeWebAuthnChallenge } from "./consume-webauthn-challenge";
import type { RelyingParty } from "./relying-party";
import { notifyFactorEnrolled } from "./notify-factor-enrolled";
import { readClientDataChallenge } from "./read-client-data-challenge";
import { TOTP_FACTOR } from "./supported-factors";
import { toBase64Url } from "./to-base64url";
import { verifyTotpFactor } from "./verify-totp-factor";
import { verifyWebAuthnRegistration } from "./verify-webauthn-registration";

/** What proves the factor works: a TOTP code, or the WebAuthn authenticator's attestation and client data. */
export type ActivationProof = { passCode?: string; attestation?: string; clientData?: string };

export type ActivateFactorResult =
  | { outcome: "activated"; factor: UserFactor }
  /** a wrong code or a registration that does not verify (the reason is for the System Log, never the client) */
  | { outcome: "invalid"; factor: UserFactor; reason: string }
  | { outcome: "reused"; factor: UserFactor }
  /** the proof the factor's type needs is missing: `passCode`, or `attestation` and `clientData` */
  | { outcome: "missing-proof"; fields: string[] }
  | { outcome: "not-pending" }
  | { outcome: "gone" };

/**
 * Activates a PENDING_ACTIVATION factor of a user with its proof, in one transaction: a TOTP factor
 * with a current code (verifyTotpFactor, which also makes the code used), a WebAuthn factor with a
 * registration answering its registration challenge (taken once: a failed attempt uses it up),
 * storing the credential id, public key, counter, AAGUID and the authenticator's name (profile.
 * authenticatorName, authenticatorName). Either proof sets lastVerified. `record` runs after the activation, in
 * the transaction, and so does the `factor-enrolled` email to the user (notifyFactorEnrolled). Failures
 * write nothing but the used code or challenge; the caller decides how to count them.
 */
export async function activateFactor(
  db: Db,
  input: { userId: string; factorId: string; proof: ActivationProof; now: Date; secretsKey: Buffer; rp: RelyingParty; orgUrl: string },
  record: RecordChange<UserFactor>,
): Promise<ActivateFactorResult> {
  return db.$transaction(async (tx) => {
    const factor = await tx.userFactor.findFirst({ where: { id: input.factorId, userId: input.userId } });
    if (!factor) return { outcome: "gone" as const };
    if (factor.status !== "PENDING_ACTIVATION") return { outcome: "not-pending" as const };
    return factor.factorType === TOTP_FACTOR ? activateTotp(tx, factor, input, record) : activateWebAuthn(tx, factor, input, record);
  });
}

type ActivateInput = Parameters<typeof activateFactor>[1];

async function activateTotp(tx: InTransaction, factor: UserFactor, input: ActivateInput, record: RecordChange<UserFactor>): Promise<ActivateFactorResult> {
  const { passCode } = input.proof;
  if (passCode === undefined) return { outcome: "missing-proof", fields: ["passCode"] };
  const verified = await verifyTotpFactor(tx, { factor, code: passCode, now: input.now, secretsKey: input.secretsKey });
  if (verified === "invalid") return { outcome: "invalid", factor, reason: "INVALID_PASSCODE" };
  if (verified === "reused") return { outcome: "reused", factor };
  const activated = await tx.userFactor.update({ where: { id: factor.id }, data: { status: "ACTIVE", lastUpdated: input.now } });
  await record(tx, activated);
  await notifyFactorEnrolled(tx, activated, { now: input.now, orgUrl: input.orgUrl });
  return { outcome: "activated", factor: activated };
}

async function activateWebAuthn(tx: InTransaction, factor: UserFactor, input: ActivateInput, record: RecordChange<UserFactor>): Promise<ActivateFactorResult> {
  const { attestation, clientData } = input.proof;
  const missing = [...(attestation === undefined ? ["attestation"] : []), ...(clientData === undefined ? ["clientData"] : [])];
  if (attestation === undefined || clientData === undefined) return { outcome: "missing-proof", fields: missing };
  const clientDataJSON = toBase64Url(clientData);
  const challenge = readClientDataChallenge(clientDataJSON);
  if (!challenge) return { outcome: "invalid", factor, reason: "the client data is not WebAuthn client data" };
  if (!(await consumeWebAuthnChallenge(tx, { challenge, factorId: factor.id, purpose: "registration", now: input.now }))) {
    return { outcome: "invalid", factor, reason: "the challenge was not issued for this factor, was used, or expired" };
  }
  const registration = await verifyWebAuthnRegistration({ attestation: toBase64Url(attestation), clientData: clientDataJSON, challenge, rp: input.rp });
  if (!registration.ok) return { outcome: "invalid", factor, reason: registration.reason };
  const { credential } = registration;
  if (await tx.userFactor.findUnique({ where: { credentialId: credential.credentialId }, select: { id: true } })) {
    return { outcome: "invalid", factor, reason: "the credential is already registered" };
  }
  const activated = await tx.userFactor.update({
    where: { id: factor.id },
    data: {
      status: "ACTIVE",
      profile: { credentialId: credential.credentialId, authenticatorName: authenticatorName({ aaguid: credential.aaguid, deviceType: credential.deviceType }) },
      credentialId: credential.credentialId,
      publicKey: new Uint8Array(credential.publicKey),
      signCount: BigInt(credential.signCount),
      aaguid: credential.aaguid,
      lastVerified: input.now,
      lastUpdated: input.now,
    },
  });
  await record(tx, activated);
  await notifyFactorEnrolled(tx, activated, { now: input.now, orgUrl: input.orgUrl });
  return { outcome: "activated", factor: activated };
}
