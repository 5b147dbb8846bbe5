/** When a failed send is tried again, and how often at most. */
export type RetryPolicy = {
  /** the delay after the first failed attempt, before jitter */
  baseMs: number;
  /** no delay grows past this */
  capMs: number;
  /** attempts in all (the first included); after the last one fails the message is FAILED */
  maxAttempts: number;
};

/** 30 s, 1, 2, 4, 8, 16, 32 min, then hourly: 10 attempts over about 3 hours (each delay between half and all of that). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 30_000, capMs: 3_600_000, maxAttempts: 10 };

/**
 * The wait after failed attempt number `attempt` (1 = the first): exponential backoff, base * 2^(attempt-1)
 * capped, with "equal jitter" (half fixed, half random from `random`, in [0, 1)), so instances that
 * failed together do not all retry in the same second and no retry comes sooner than half the step.
 */
export function retryDelayMs(attempt: number, random: () => number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 40)));
  return Math.round(step / 2 + (step / 2) * Math.min(Math.max(random(), 0), 1));
}
