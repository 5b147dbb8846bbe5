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
});

const stateSchema = z.object({
  params: paramsSchema,
  requestedAt: z.iso.datetime(),
  consentScopes: z.array(z.string()).optional(),
  consentedBy: z.string().optional(),
  deniedBy: z.string().optional(),
  signedInSessionId: z.string().optional(),
  attemptedUsername: z.string().optional(),
});

/** A stored state read back (rows are JSON): null when it does not have the expected shape. */
export function readPendingState(value: unknown): PendingState | null {
  const parsed = stateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
