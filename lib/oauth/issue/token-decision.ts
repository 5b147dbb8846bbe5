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
};

const { accessTokenLifetimeMinutes: ACCESS, refreshTokenLifetimeMinutes: REFRESH, refreshTokenWindowMinutes: WINDOW } = TOKEN_LIMITS;

function minutes(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/**
 * Picks the decision fields from a PolicyDecision (or a stored JSON value, read defensively: rows
 * may predate a field) and clamps the lifetimes to the spec's limits (TOKEN_LIMITS; the rule
 * defaults for a missing field: 1 h access tokens, unlimited refresh tokens, a 7-day window).
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
  };
}
