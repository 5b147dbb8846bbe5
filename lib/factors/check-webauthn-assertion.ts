import type { UserFactor } from "../db/generated/sqlite/client";
import type { InTransaction } from "../db/record-change";
import type { RelyingParty } from "./relying-party";
import { verifyWebAuthnAssertion } from "./verify-webauthn-assertion";

/**
 * The checks of a WebAuthn assertion once its challenge is taken, for every caller (the Factors API's
 * verify, the sign-in flow): the factor must hold a credential, the assertion must verify against it
 * (verifyWebAuthnAssertion: signature, origin, RP, user verification, counter), and the new counter is
 * written only if no other assertion moved it meanwhile, with lastVerified (Okta's UserFactor
 * field). The reason of a refusal is for the System Log only. lastUpdated is written back
 * unchanged: a use is not a change of the factor.
 */
export async function checkWebAuthnAssertion(
  tx: InTransaction,
  factor: UserFactor,
  input: { clientData: string; authenticatorData: string; signature: string; challenge: string; rp: RelyingParty; now: Date },
): Promise<{ ok: true; deviceType: "singleDevice" | "multiDevice" } | { ok: false; reason: string }> {
  if (!factor.credentialId || !factor.publicKey || factor.signCount === null) return { ok: false, reason: "the factor has no credential" };
  const assertion = await verifyWebAuthnAssertion({
    credential: { id: factor.credentialId, publicKey: factor.publicKey, signCount: Number(factor.signCount) },
    clientData: input.clientData,
    authenticatorData: input.authenticatorData,
    signature: input.signature,
    challenge: input.challenge,
    rp: input.rp,
  });
  if (!assertion.ok) return assertion;
  const { count } = await tx.userFactor.updateMany({
    where: { id: factor.id, signCount: factor.signCount },
    data: { signCount: BigInt(assertion.signCount), lastVerified: input.now, lastUpdated: factor.lastUpdated },
  });
  if (count !== 1) return { ok: false, reason: "another assertion moved the signature counter meanwhile" };
  return { ok: true, deviceType: assertion.deviceType };
}
