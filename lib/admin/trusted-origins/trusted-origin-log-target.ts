import type { TrustedOrigin } from "../../db/generated/sqlite/client";
import type { LogTarget } from "../../system-log/write-system-log";

/** The System Log target of a trusted origin. */
export function trustedOriginLogTarget(origin: Pick<TrustedOrigin, "id" | "name" | "origin">): LogTarget {
  return { id: origin.id, type: "TrustedOrigin", alternateId: origin.origin, displayName: origin.name };
}
