import type { Prisma } from "../../db/generated/sqlite/client";
import type { ClaimsUser } from "../claims/types";

/** The User columns (and group memberships) the token service reads to build claims. */
export const CLAIMS_USER_SELECT = {
  id: true,
  status: true,
  login: true,
  profile: true,
  lastUpdated: true,
  memberships: { select: { group: { select: { id: true, name: true } } } },
} as const satisfies Prisma.UserSelect;

export type ClaimsUserRow = Prisma.UserGetPayload<{ select: typeof CLAIMS_USER_SELECT }>;

/** The resource owner for policies and claims. */
export type TokenUser = {
  user: ClaimsUser;
  /** explicit group memberships (policy people conditions; Everyone is implicit there) */
  groupIds: string[];
};

/**
 * A User row as the claim builders and the policy engine see it: groups are the built-in group
 * Everyone (implicit membership, when the server knows its id) followed by the user's groups by
 * name, so GROUPS claims list them in a stable order.
 */
export function toTokenUser(row: ClaimsUserRow, everyoneGroupId: string | null): TokenUser {
  const groups = row.memberships.map((membership) => membership.group).sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
  const explicit = groups.filter((group) => group.id !== everyoneGroupId);
  return {
    user: {
      id: row.id,
      login: row.login,
      status: row.status,
      profile: (row.profile && typeof row.profile === "object" && !Array.isArray(row.profile) ? row.profile : {}) as Record<string, unknown>,
      groups: [...(everyoneGroupId ? [{ id: everyoneGroupId, name: "Everyone" }] : []), ...explicit],
      lastUpdated: row.lastUpdated,
    },
    groupIds: explicit.map((group) => group.id),
  };
}
