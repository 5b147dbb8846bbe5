import type { Db } from "../db/create-db-client";
import { checkCredentials, type CredentialsFailure, type CredentialsUser } from "./check-credentials";

/**
 * What a person presents to prove who they are. Today a username and password; a second factor
 * (a one-time code, a push answer) or an external identity provider's assertion will be further
 * kinds, each checked by its own entry in AUTHENTICATION_STEPS, so every surface that signs people
 * in (the hosted page, POST /api/v1/authn, /authorize) gets them at once.
 */
export type Proof = { kind: "password"; username: string; password: string };

/** Where an attempt comes from (the rate limits, the lockout's and the System Log's context). */
export type AttemptSource = {
  ipAddress: string | null;
  userAgent: string | null;
  /** the app the sign-in is for, if known (log context) */
  clientId?: string | null;
};

export type AuthenticationInput = AttemptSource & { proof: Proof; now: Date };

/** A person proved who they are: the user, and how (OIDC `amr`, RFC 8176: "pwd" for a password). */
export type Authenticated = { ok: true; user: CredentialsUser; amr: string[] };

/**
 * A refused attempt (checkCredentials' failure: INVALID_CREDENTIALS, LOCKED_OUT or RATE_LIMITED,
 * already logged). A factor step would add a third outcome here: "this proof is accepted, another
 * is needed" (Okta's MFA_REQUIRED), carrying what the next step must check.
 */
export type AuthenticationRefused = CredentialsFailure;

export type AuthenticationResult = Authenticated | AuthenticationRefused;

type Step<K extends Proof["kind"]> = (db: Db, proof: Extract<Proof, { kind: K }>, input: AuthenticationInput) => Promise<AuthenticationResult>;

/** How each kind of proof is checked. */
const AUTHENTICATION_STEPS: { [K in Proof["kind"]]: Step<K> } = {
  // The password step: rate limits (every check counts), argon2, lockout, the System Log
  // (checkCredentials, which the password grant also uses).
  password: async (db, proof, input) => {
    const result = await checkCredentials(db, {
      username: proof.username,
      password: proof.password,
      ipAddress: input.ipAddress,
      userAgent: input.userAgent,
      now: input.now,
      ...(input.clientId ? { clientId: input.clientId } : {}),
    });
    return result.ok ? { ok: true, user: result.user, amr: ["pwd"] } : result;
  },
};

/**
 * Authenticates a person: the one place the hosted sign-in page and POST /api/v1/authn check who
 * someone is (the step of the proof's kind). It starts no session: startSession (a browser) or a
 * session token (the Authentication API) does, with the `amr` returned here.
 */
export function authenticatePerson(db: Db, input: AuthenticationInput): Promise<AuthenticationResult> {
  const step = AUTHENTICATION_STEPS[input.proof.kind] as Step<Proof["kind"]>;
  return step(db, input.proof, input);
}
