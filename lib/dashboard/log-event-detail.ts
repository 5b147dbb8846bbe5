import { factorLabel } from "./factor-label";

type LogEventParts = { outcome: { result: string; reason: string | null }; debugContext: { debugData: Record<string, unknown> } };

/** Okta's reasons of a failed factor verification, in words. */
const REASONS: Readonly<Record<string, string>> = {
  INVALID_PASSCODE: "wrong code",
  PASSCODE_REPLAYED: "the code was already used",
};

/**
 * The System Log list's second line for an event that names a factor or failed: which factor
 * (user.mfa.factor.*, user.authentication.auth_via_mfa: factorType and provider of its debug data),
 * how many factors a reset removed, and why it failed. Null when there is nothing to add.
 */
export function logEventDetail(event: LogEventParts): string | null {
  const data = event.debugContext.debugData;
  const parts: string[] = [];
  if (typeof data.factorType === "string" && typeof data.provider === "string") parts.push(factorLabel({ factorType: data.factorType, provider: data.provider }));
  if (Array.isArray(data.factorIds)) parts.push(`${data.factorIds.length} ${data.factorIds.length === 1 ? "factor" : "factors"}`);
  if (event.outcome.result !== "SUCCESS" && event.outcome.reason) parts.push(`Reason: ${REASONS[event.outcome.reason] ?? event.outcome.reason}`);
  return parts.length ? parts.join(" · ") : null;
}
