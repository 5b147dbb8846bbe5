import type { OperationResult } from "../run-admin-operation";
import type { ActionOutcome } from "./types";

/** An operation's failure as the form shows it; success as a notice (and where to go next). */
export function outcome(result: OperationResult, notice: string, redirectTo?: string): ActionOutcome {
  if (!result.ok) return failure(result);
  return { ok: true, notice, ...(redirectTo ? { redirectTo } : {}) };
}

export function failure(result: Extract<OperationResult, { ok: false }>): ActionOutcome {
  return { ok: false, error: result.summary, causes: result.causes };
}

export function invalid(message: string, causes: string[] = []): ActionOutcome {
  return { ok: false, error: message, causes };
}

/** Path segments from form fields are ids: nothing that could leave the intended path. */
export function idParam(value: string): string {
  return /^[A-Za-z0-9._~-]{1,128}$/.test(value) ? value : "_invalid_";
}
