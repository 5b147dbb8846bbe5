import type { UserFactor } from "../../db/generated/sqlite/client";

/** What the System Log records about a factor (debugContext): which factor; never its secret or credential. */
export function factorLogContext(factor: Pick<UserFactor, "id" | "factorType" | "provider">) {
  return { factorId: factor.id, factorType: factor.factorType, provider: factor.provider };
}
