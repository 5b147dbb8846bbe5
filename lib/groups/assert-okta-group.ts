import type { Group } from "../db/generated/sqlite/client";
import { AdminApiError } from "../okta-api/admin-api-error";

/**
 * Only OKTA_GROUP groups are managed through the API. The BUILT_IN group Everyone holds every user
 * implicitly and is neither edited, deleted nor given or stripped of members: Okta answers such
 * requests with E0000060 "Unsupported operation." (400), which is what this does.
 */
export function assertOktaGroup(group: Pick<Group, "type" | "name">, action: string): void {
  if (group.type === "OKTA_GROUP") return;
  throw new AdminApiError(400, "E0000060", "Unsupported operation.", [
    `The ${group.type} group ${group.name} cannot ${action}: it contains every user implicitly and is managed by the server.`,
  ]);
}
