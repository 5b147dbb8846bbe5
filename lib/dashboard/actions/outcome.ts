import type { OperationFailure, OperationResult } from "../call-operation";
import type { ActionOutcome } from "./types";

/** An operation's failure as the form shows it; success as a notice (and where to go next). */
export function outcome<T>(result: OperationResult<T>, notice: string | ((value: T) => string), redirectTo?: string | ((value: T) => string)): ActionOutcome {
  if (!result.ok) return failure(result);
  const to = typeof redirectTo === "function" ? redirectTo(result.value) : redirectTo;
  return { ok: true, notice: typeof notice === "function" ? notice(result.value) : notice, ...(to ? { redirectTo: to } : {}) };
}

export function failure(result: OperationFailure): ActionOutcome {
  return { ok: false, error: result.summary, causes: result.causes };
}

export function invalid(message: string, causes: string[] = []): ActionOutcome {
  return { ok: false, error: message, causes };
}

/** Ids from form fields are plain ids: anything else names nothing (the operation answers 404). */
export function idParam(value: string): string {
  return /^[A-Za-z0-9._~-]{1,128}$/.test(value) ? value : "_invalid_";
}
