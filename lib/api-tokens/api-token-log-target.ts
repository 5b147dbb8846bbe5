import type { ApiToken } from "../db/generated/sqlite/client";
import type { LogTarget } from "../system-log/write-system-log";

/** The System Log target of an API token. */
export function apiTokenLogTarget(token: Pick<ApiToken, "id" | "name">): LogTarget {
  return { id: token.id, type: "Token", displayName: token.name };
}
