import { TOKEN_LIMITS } from "../tokens/token-lifetimes";

/**
 * The policy decision a grant carries forward (AuthorizationCode.decision, RefreshToken.decision).
 * Spec (Troubleshooting > Subtle Behavior): the policy is evaluated when the user (or client) is
 * authenticated and not again when the flow continues, so the code exchange and every refresh use
 * the lifetimes decided then.
 */
export type TokenDecision = {
  policyId: string;
  ruleId: string;
  accessTokenLifetimeMinutes: number;
  /** 0 = unlimited */
  refreshTokenLifetimeMinutes: number;
  refreshTokenWindowMinutes: number;
  /** how the user authenticated for this grant (ID token `amr`, RFC 8176); absent: ["pwd"] */
  amr?: string[];
  /** the authentication context class the request asked for and got (ID token `acr`) */
  acr?: string;
};

const { accessTokenLifetimeMinutes: ACCESS, refreshTokenLifetimeMinutes: REFRESH, refreshTokenWindowMinutes: WINDOW } = TOKEN_LIMITS;

function minutes(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** The authentication of the grant, when recorded (a list of short strings; an acr string). */
function authentication(value: Record<string, unknown>): Pick<TokenDecision, "amr" | "acr"> {
  const amr = Array.isArray(value.amr) && value.amr.length > 0 && value.amr.length <= 10 && value.amr.every((item) => typeof item === "string" && item.length <= 32) ? (value.amr as string[]) : null;
  const acr = typeof value.acr === "string" && value.acr.length > 0 && value.acr.length <= 128 ? value.acr : null;
  return { ...(amr ? { amr: [...amr] } : {}), ...(acr ? { acr } : {}) };
}

/**
 * Picks the decision fields from a PolicyDecision (or a stored JSON value, read defensively: rows
 * may predate a field) and clamps the lifetimes to the spec's limits (TOKEN_LIMITS; the rule
 * defaults for a missing field: 1 h access tokens, unlimited refresh tokens, a 7-day window).
 * The grant's authentication (`amr`, `acr`: set by /authorize, see createAuthorizationCode) rides
 * along so the code exchange and every refresh mint ID tokens that say how the user signed in.
 */
export function toTokenDecision(source: unknown): TokenDecision {
  const value = (source && typeof source === "object" ? source : {}) as Record<string, unknown>;
  const access = minutes(value.accessTokenLifetimeMinutes, ACCESS.default);
  const window = minutes(value.refreshTokenWindowMinutes, WINDOW.default);
  return {
    policyId: text(value.policyId),
    ruleId: text(value.ruleId),
    accessTokenLifetimeMinutes: Math.min(Math.max(access, ACCESS.min), ACCESS.max),
    refreshTokenLifetimeMinutes: minutes(value.refreshTokenLifetimeMinutes, REFRESH.default),
    refreshTokenWindowMinutes: Math.max(window, WINDOW.min),
    ...authentication(value),
  };
}
