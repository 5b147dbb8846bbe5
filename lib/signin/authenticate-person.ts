import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import type { Db } from "../db/create-db-client";
import { relyingPartyFor } from "../factors/relying-party";
import { verifyFactor, type VerifyFactorResult } from "../factors/verify-factor";
import { verifySignInAssertion } from "../factors/verify-sign-in-assertion";
import { checkBlockedAddress } from "../network-zones/check-blocked-address";
import { checkCredentials, type CredentialsFailure, type CredentialsUser } from "./check-credentials";
import { checkFactorProof, type FactorCheck, type FactorFailure } from "./check-factor-proof";

/**
 * What a person presents to prove who they are, each kind checked by its own entry in
 * AUTHENTICATION_STEPS, so every surface that signs people in (the hosted page, POST /api/v1/authn,
 * /authorize) gets them at once:
 * - a username and password;
 * - a TOTP code of one of the user's ACTIVE factors (RFC 6238);
 * - a WebAuthn assertion (@simplewebauthn/browser's AuthenticationResponseJSON) answering the
 *   challenge `challengeId` (lib/factors issueSignInChallenge, or the factor's own challenge), by one
 *   of the user's passkeys, or, `userId` null (passwordless), by any registered passkey, which names
 *   the user.
 */
export type Proof =
  | { kind: "password"; username: string; password: string }
  | { kind: "totp"; userId: string; factorId: string; passCode: string }
  | { kind: "webauthn"; userId: string | null; response: AuthenticationResponseJSON; challengeId: string };

/** Where an attempt comes from (the rate limits, the lockout's and the System Log's context). */
export type AttemptSource = {
  ipAddress: string | null;
  userAgent: string | null;
  /** the app the sign-in is for, if known (log context) */
  clientId?: string | null;
};

export type AuthenticationInput = AttemptSource & {
  proof: Proof;
  now: Date;
  /** the factor proofs: APP_SECRET's key (TOTP secrets are sealed with it) and ORG_URL (the WebAuthn relying party) */
  factorKeys?: { secretsKey: Buffer; orgUrl: string };
};

/**
 * A person proved who they are: the user, and how (OIDC `amr`, RFC 8176: "pwd" for a password, "otp"
 * for a TOTP code, "hwk" (a device-bound key) or "swk" (a synced passkey) with "user" for a WebAuthn
 * assertion with user verification). combineAmr joins the amr of several steps.
 */
export type Authenticated = { ok: true; user: CredentialsUser; amr: string[] };

/**
 * A refused attempt (INVALID_CREDENTIALS, LOCKED_OUT or RATE_LIMITED, already logged and counted);
 * a factor proof's refusal also says what the check found (`factor`: invalid, reused, unknown), for
 * the Authentication API's error code.
 */
export type AuthenticationRefused = CredentialsFailure | FactorFailure;

export type AuthenticationResult = Authenticated | AuthenticationRefused;

type Step<K extends Proof["kind"]> = (db: Db, proof: Extract<Proof, { kind: K }>, input: AuthenticationInput) => Promise<AuthenticationResult>;

function keysOf(input: AuthenticationInput): { secretsKey: Buffer; orgUrl: string } {
  if (!input.factorKeys) throw new Error("authenticatePerson: a factor proof needs factorKeys (APP_SECRET's key and ORG_URL).");
  return input.factorKeys;
}

const factorRef = (factor: { id: string; factorType: string; provider: string; userId: string }) => ({ id: factor.id, factorType: factor.factorType, provider: factor.provider, userId: factor.userId });

/** How each kind of proof is checked. */
const AUTHENTICATION_STEPS: { [K in Proof["kind"]]: Step<K> } = {
  // The password step: rate limits (every check counts), argon2, lockout, the System Log
  // (checkCredentials, which the password grant also uses). A right password does not reset the
  // failed-attempt count here: resetFailedAttempts does when the session (or session token) starts,
  // so wrong factor codes between right passwords still add up to the lockout.
  password: async (db, proof, input) => {
    const result = await checkCredentials(db, {
      username: proof.username,
      password: proof.password,
      ipAddress: input.ipAddress,
      userAgent: input.userAgent,
      now: input.now,
      ...(input.clientId ? { clientId: input.clientId } : {}),
      // a factor may follow: the count is reset when the sign-in completes (startSession, the authn session token)
      resetFailedAttempts: "on-completion",
    });
    return result.ok ? { ok: true, user: result.user, amr: ["pwd"] } : result;
  },
  // A TOTP code (lib/factors verifyFactor: RFC 6238, ±1 step, each code once, even concurrently).
  totp: (db, proof, input) => {
    const { secretsKey, orgUrl } = keysOf(input);
    const toCheck = (result: VerifyFactorResult): FactorCheck => {
      switch (result.outcome) {
        case "success":
          return { outcome: "success", factor: factorRef(result.factor), amr: ["otp"] };
        case "invalid":
          return { outcome: "invalid", factor: factorRef(result.factor), reason: result.reason };
        case "reused":
          return { outcome: "reused", factor: factorRef(result.factor), reason: "PASSCODE_REPLAYED" };
        case "not-active":
          return { outcome: "unknown", reason: "the factor is not ACTIVE" };
        default:
          // gone (another user's factor included), or a factor that is not a TOTP factor
          return { outcome: "unknown", reason: "the user has no such TOTP factor" };
      }
    };
    return checkFactorProof(db, input, proof.userId, async (log) =>
      toCheck(
        await verifyFactor(db, { userId: proof.userId, factorId: proof.factorId, proof: { passCode: proof.passCode }, now: input.now, secretsKey, rp: relyingPartyFor(orgUrl) }, (tx, checked) =>
          log(tx, toCheck(checked)),
        ),
      ),
    );
  },
  // A WebAuthn assertion (lib/factors verifySignInAssertion: the challenge once, UV, counter).
  webauthn: (db, proof, input) => {
    const { orgUrl } = keysOf(input);
    return checkFactorProof(db, input, proof.userId, async (log) => {
      const toCheck = (checked: Awaited<ReturnType<typeof verifySignInAssertion>>): FactorCheck => {
        if (checked.outcome === "gone") return { outcome: "unknown", reason: "no ACTIVE passkey has this credential" };
        if (checked.outcome === "invalid") return { outcome: "invalid", factor: factorRef(checked.factor), reason: checked.reason };
        // RFC 8176 2: hwk for a key bound to its device, swk for a synced (backed-up) passkey; "user": user verification
        return { outcome: "success", factor: factorRef(checked.factor), amr: [checked.deviceType === "multiDevice" ? "swk" : "hwk", "user"] };
      };
      return toCheck(await verifySignInAssertion(db, { userId: proof.userId, response: proof.response, challengeId: proof.challengeId, now: input.now, rp: relyingPartyFor(orgUrl) }, (tx, checked) => log(tx, toCheck(checked))));
    });
  },
};

/**
 * Authenticates a person: the one place the hosted sign-in page and POST /api/v1/authn check who
 * someone is (the step of the proof's kind). It starts no session: startSession (a browser) or a
 * session token (the Authentication API) does, with the `amr` returned here (combined with the
 * earlier steps' by combineAmr; decideSignInStep says whether another step is needed). From an
 * address in an ACTIVE BLOCKLIST network zone every proof is refused as BLOCKED.
 */
export async function authenticatePerson(db: Db, input: AuthenticationInput): Promise<AuthenticationResult> {
  // A blocklist zone refuses every proof from its addresses before anything is checked or counted (logged as security.request.blocked).
  const blocked = await checkBlockedAddress(db, { ipAddress: input.ipAddress, userAgent: input.userAgent, surface: `sign-in (${input.proof.kind})`, now: input.now });
  if (blocked) return { ok: false, reason: "BLOCKED", lockedOut: false, detail: `BLOCKED: the address is in the blocklist zone ${blocked.name}`, user: null, factor: "unknown" };
  const step = AUTHENTICATION_STEPS[input.proof.kind] as Step<Proof["kind"]>;
  return step(db, input.proof, input);
}
