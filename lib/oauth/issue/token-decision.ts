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

/** The rule defaults (Okta's): 1 h access tokens, unlimited refresh tokens, a 7-day window. */
const DEFAULTS = { accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 7 * 24 * 60 };
/** Spec (Troubleshooting > Limits): access tokens live 5 minutes .. 1 day; the window is at least 10 minutes. */
const ACCESS_MIN = 5;
const ACCESS_MAX = 24 * 60;
const WINDOW_MIN = 10;

function minutes(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/**
 * Picks the decision fields from a PolicyDecision (or a stored JSON value, read defensively: rows
 * may predate a field) and clamps the lifetimes to the spec's limits.
 */
export function toTokenDecision(source: unknown): TokenDecision {
  const value = (source && typeof source === "object" ? source : {}) as Record<string, unknown>;
  const access = minutes(value.accessTokenLifetimeMinutes, DEFAULTS.accessTokenLifetimeMinutes);
  const window = minutes(value.refreshTokenWindowMinutes, DEFAULTS.refreshTokenWindowMinutes);
  return {
    policyId: text(value.policyId),
    ruleId: text(value.ruleId),
    accessTokenLifetimeMinutes: Math.min(Math.max(access, ACCESS_MIN), ACCESS_MAX),
    refreshTokenLifetimeMinutes: minutes(value.refreshTokenLifetimeMinutes, DEFAULTS.refreshTokenLifetimeMinutes),
    refreshTokenWindowMinutes: Math.max(window, WINDOW_MIN),
  };
}
