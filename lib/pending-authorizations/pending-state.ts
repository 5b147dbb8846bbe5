import { z } from "zod";
import { PROMPT_VALUES, RESPONSE_MODES, RESPONSE_TYPE_NAMES, type AuthorizeParams } from "./authorize-params";

/** What a pending authorization keeps (PendingAuthorization.params, JSON). */
export type PendingState = {
  params: AuthorizeParams;
  /** when the authorization request arrived */
  requestedAt: string;
  /** the scopes the consent page asks for */
  consentScopes?: string[];
  /** the user who allowed (consent page) or denied this request */
  consentedBy?: string;
  deniedBy?: string;
  /** the session the sign-in page created for this request: it satisfies prompt=login, max_age and id_token_hint */
  signedInSessionId?: string;
  /** the username of the last failed sign-in, to fill the field again */
  attemptedUsername?: string;
  /**
   * The request's acr_values ask for a second factor (set by /authorize): "required"
   * (urn:okta:loa:2fa:any) or "if-enrolled" (urn:okta:loa:2fa:any:ifpossible); the sign-in page
   * asks for a factor after the password even when the sign-on policy would not.
   */
  secondFactor?: "required" | "if-enrolled";
  /**
   * The multi-factor step in progress: the user proved who they are (`amr` so far, e.g. ["pwd"])
   * and the sign-in page asks for a factor ("verify") or for enrolling one ("enroll"). `stepUp`:
   * the app asked for the factor (acr_values), whatever the policy. No session exists for it yet,
   * except for a step-up of an existing session (`amr` then is that session's).
   */
  mfa?: PendingMfa;
};

export type PendingMfa = {
  userId: string;
  amr: string[];
  step: "verify" | "enroll";
  stepUp?: boolean;
  /** the factor being enrolled on the page (PENDING_ACTIVATION until its first code or registration) */
  enrollingFactorId?: string;
  /** "remember this device" is offered for this long (the sign-on rule's factor lifetime; absent: not offered) */
  rememberMinutes?: number;
  /** the checkbox starts ticked (the rule's rememberDeviceByDefault) */
  rememberByDefault?: boolean;
};

/** What the steps of the flow record on the way (savePendingState): everything but the request itself. */
export type PendingStatePatch = Partial<Omit<PendingState, "params" | "requestedAt">>;

const nullableString = z.string().nullable();
const paramsSchema = z.object({
  clientId: z.string(),
  redirectUri: z.string(),
  responseTypes: z.array(z.enum(RESPONSE_TYPE_NAMES)).min(1),
  responseMode: z.enum(RESPONSE_MODES),
  state: nullableString,
  scopes: z.array(z.string()).nullable(),
  nonce: nullableString,
  codeChallenge: nullableString,
  codeChallengeMethod: z.literal("S256").nullable(),
  prompt: z.array(z.enum(PROMPT_VALUES)),
  maxAge: z.number().int().nonnegative().nullable(),
  display: z.enum(["page", "popup"]).nullable(),
  loginHint: nullableString,
  idTokenHintSub: nullableString,
  acrValues: nullableString,
  // Added with localisation (issue 17): rows stored before read without it.
  uiLocales: nullableString.default(null),
});

const stateSchema = z.object({
  params: paramsSchema,
  requestedAt: z.iso.datetime(),
  consentScopes: z.array(z.string()).optional(),
  consentedBy: z.string().optional(),
  deniedBy: z.string().optional(),
  signedInSessionId: z.string().optional(),
  attemptedUsername: z.string().optional(),
  // Both added with multi-factor sign-in (issue 16): rows stored before read without them.
  secondFactor: z.enum(["required", "if-enrolled"]).optional(),
  mfa: z.object({ userId: z.string(), amr: z.array(z.string()), step: z.enum(["verify", "enroll"]), stepUp: z.boolean().optional(), enrollingFactorId: z.string().optional(), rememberMinutes: z.number().int().positive().optional(), rememberByDefault: z.boolean().optional() }).optional(),
});

/** A stored state read back (rows are JSON): null when it does not have the expected shape. */
export function readPendingState(value: unknown): PendingState | null {
  const parsed = stateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
