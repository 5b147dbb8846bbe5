/** The built-in Everyone group (bootstrapped; it cannot be renamed): it holds every user without membership rows. */
export const EVERYONE_GROUP = { type: "BUILT_IN", nameLower: "everyone" } as const;

export function isEveryoneGroup(group: { type: string; nameLower: string }): boolean {
  return group.type === EVERYONE_GROUP.type && group.nameLower === EVERYONE_GROUP.nameLower;
}
