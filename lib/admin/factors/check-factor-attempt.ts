import { consumeFactorAttempt } from "../../factors/consume-factor-attempt";
import { rateLimitError } from "../../okta-api/admin-api-error";
import type { OperationContext } from "../admin-request";

/** Counts a factor check (activate, verify) against the user's budget; 429 E0000047 once it is spent. */
export async function checkFactorAttempt(ctx: OperationContext, userId: string): Promise<void> {
  const decision = await consumeFactorAttempt(ctx.db, userId, ctx.now());
  if (!decision.allowed) {
    throw rateLimitError({
      "X-Rate-Limit-Limit": String(decision.limit),
      "X-Rate-Limit-Remaining": String(decision.remaining),
      "X-Rate-Limit-Reset": String(Math.ceil(decision.resetAt.getTime() / 1000)),
    });
  }
}
