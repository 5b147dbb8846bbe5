import { generateRegistrationOptions, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { encryptSecret } from "../crypto/encrypt-secret";
import type { Db } from "../db/create-db-client";
import type { UserFactor } from "../db/generated/sqlite/client";
import { prismaErrorCode } from "../db/prisma-error-code";
import type { InTransaction, RecordChange } from "../db/record-change";
import { newId } from "../ids/new-id";
import { factorSecretContext } from "./factor-secret-context";
import { generateTotpSecret } from "./generate-totp-secret";
import { issueWebAuthnChallenge } from "./issue-webauthn-challenge";
import type { RelyingParty } from "./relying-party";
import { TOTP_FACTOR, type SupportedFactor } from "./supported-factors";
import { WEBAUTHN_ALGORITHMS, WEBAUTHN_TIMEOUT_MS } from "./webauthn-timeouts";

export type EnrollFactorInput = {
  user: { id: string; login: string; displayName: string };
  factor: SupportedFactor;
  /** Okta's `activate=true`: a TOTP factor is ACTIVE at once (the caller provisions the secret); a WebAuthn factor cannot be (the authenticator must create the credential) and stays PENDING_ACTIVATION */
  activate: boolean;
  now: Date;
  secretsKey: Buffer;
  rp: RelyingParty;
  random?: (size: number) => Buffer;
};

/** What the enrollment hands the client once: the TOTP shared secret, or the WebAuthn credential creation options. */
export type FactorActivation = { kind: "totp"; sharedSecret: string } | { kind: "webauthn"; options: PublicKeyCredentialCreationOptionsJSON };

export type EnrollFactorResult = { outcome: "enrolled"; factor: UserFactor; activation: FactorActivation } | { outcome: "already-enrolled" } | { outcome: "no-user" };

/**
 * Enrolls a factor for a user: a TOTP factor with a new shared secret (encrypted with APP_SECRET's
 * key), or a WebAuthn factor with a registration challenge (single use, expiring). A user has at most
 * one TOTP factor per provider: enrolling again replaces a PENDING_ACTIVATION one (new id, new
 * secret) and is refused for an ACTIVE one (`already-enrolled`, also the answer to a concurrent
 * enrollment that lost the race). WebAuthn factors may be many (one per credential); the options
 * exclude the credentials the user already has. `record` runs in the transaction, after the write.
 */
export async function enrollFactor(db: Db, input: EnrollFactorInput, record: RecordChange<UserFactor>): Promise<EnrollFactorResult> {
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: input.user.id }, select: { id: true } });
      if (!user) return { outcome: "no-user" as const };
      return input.factor.factorType === TOTP_FACTOR ? enrollTotp(tx, input, record) : enrollWebAuthn(tx, input, record);
    });
  } catch (error) {
    if (prismaErrorCode(error) === "P2002") return { outcome: "already-enrolled" };
    throw error;
  }
}

async function enrollTotp(tx: InTransaction, input: EnrollFactorInput, record: RecordChange<UserFactor>): Promise<EnrollFactorResult> {
  const { user, factor, now } = input;
  const oneOfKind = `${user.id} ${factor.provider}`;
  const existing = await tx.userFactor.findUnique({ where: { oneOfKind }, select: { id: true, status: true } });
  if (existing?.status === "ACTIVE") return { outcome: "already-enrolled" };
  if (existing) await tx.userFactor.delete({ where: { id: existing.id } });
  const id = newId(factor.idKind, input.random);
  const sharedSecret = generateTotpSecret(input.random);
  const written = await tx.userFactor.create({
    data: {
      id,
      userId: user.id,
      factorType: factor.factorType,
      provider: factor.provider,
      status: input.activate ? "ACTIVE" : "PENDING_ACTIVATION",
      oneOfKind,
      profile: { credentialId: user.login },
      secretEncrypted: encryptSecret(sharedSecret, input.secretsKey, factorSecretContext(id)),
      created: now,
      lastUpdated: now,
    },
  });
  await record(tx, written);
  return { outcome: "enrolled", factor: written, activation: { kind: "totp", sharedSecret } };
}

async function enrollWebAuthn(tx: InTransaction, input: EnrollFactorInput, record: RecordChange<UserFactor>): Promise<EnrollFactorResult> {
  const { user, factor, now, rp } = input;
  const id = newId(factor.idKind, input.random);
  const written = await tx.userFactor.create({
    data: { id, userId: user.id, factorType: factor.factorType, provider: factor.provider, status: "PENDING_ACTIVATION", profile: {}, created: now, lastUpdated: now },
  });
  const registered = await tx.userFactor.findMany({
    where: { userId: user.id, factorType: factor.factorType, status: "ACTIVE" },
    select: { credentialId: true, transports: true },
    orderBy: { created: "asc" },
  });
  const challenge = await issueWebAuthnChallenge(tx, { factorId: id, purpose: "registration", now, random: input.random });
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.login,
    userDisplayName: user.displayName,
    // The user handle is the user's id read as base64url, so `user.id` in the options is the id itself, as Okta's are.
    userID: isoBase64URL.toBuffer(user.id),
    challenge: isoBase64URL.toBuffer(challenge),
    timeout: WEBAUTHN_TIMEOUT_MS,
    attestationType: "none",
    excludeCredentials: registered.flatMap((row) => (row.credentialId ? [{ id: row.credentialId, transports: Array.isArray(row.transports) ? (row.transports as string[]) : undefined }] : [])),
    // Passkeys: a discoverable credential where the authenticator can keep one; user verification always (W3C WebAuthn 5.4.4)
    authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
    supportedAlgorithmIDs: WEBAUTHN_ALGORITHMS,
  });
  await record(tx, written);
  return { outcome: "enrolled", factor: written, activation: { kind: "webauthn", options } };
}
