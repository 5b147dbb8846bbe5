import { verify } from "otplib";

/**
 * The TOTP parameters of every factor (RFC 6238 with its defaults, what authenticator apps use):
 * HMAC-SHA-1, 6 digits, a 30 s time step from the Unix epoch (T0 = 0), one step of drift either way.
 */
export const TOTP = { digits: 6, periodSeconds: 30, driftSteps: 1, secretBytes: 20 } as const;

/**
 * accepted: the code of a step after the last accepted one (`timeStep`, to record); reused: a right
 * code of a step already used (RFC 6238 5.2: a second use of the same OTP is refused); invalid: a
 * wrong or malformed code, i.e. a guess (the caller counts it toward lockout).
 */
export type TotpCheck = { outcome: "accepted"; timeStep: number } | { outcome: "reused"; timeStep: number } | { outcome: "invalid" };

/**
 * Checks a 6-digit code against a base32 secret at `now` (pure: the clock is passed in).
 * RFC 6238 4.2: T = floor((now - T0) / X), X = 30 s. RFC 6238 5.2: the verifier accepts the codes of
 * one step back and one forward (network delay, clock drift), and "MUST NOT accept the second attempt
 * of the same OTP after the successful validation has been issued for the first OTP": a code whose
 * step is not after `lastTimeStep` is reused.
 */
export async function checkTotpCode(secret: string, code: string, now: Date, lastTimeStep: number | null): Promise<TotpCheck> {
  if (!/^[0-9]{6}$/.test(code)) return { outcome: "invalid" };
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({ secret, token: code, digits: TOTP.digits, period: TOTP.periodSeconds, epoch, epochTolerance: TOTP.periodSeconds * TOTP.driftSteps });
  if (!result.valid) return { outcome: "invalid" };
  // the step the code belongs to: now's step, moved by the drift the match was found at
  const timeStep = Math.floor(epoch / TOTP.periodSeconds) + result.delta;
  if (lastTimeStep !== null && timeStep <= lastTimeStep) return { outcome: "reused", timeStep };
  return { outcome: "accepted", timeStep };
}
