import type { Db, DbTx } from "../../db/create-db-client";
import { validationError } from "../../okta-api/admin-api-error";
import { ANY_SCOPE, EVERYONE, type PolicyRuleConditions } from "./policy-conditions";

function unknownCause(field: string, noun: string, unknown: readonly string[]): string {
  return `${field}: ${unknown.length === 1 ? `Unknown ${noun}` : `Unknown ${noun}s`}: ${unknown.join(", ")}.`;
}

/**
 * The rule's conditions may only name users and groups that exist ("EVERYONE" stands for every user,
 * in groups.include only) and scopes of this authorization server ("*" for any). E0000001 with one
 * cause per field naming the unknown values; the summary names the first such field.
 */
export async function checkPolicyRuleReferences(db: Db | DbTx, authServerId: string, conditions: PolicyRuleConditions): Promise<void> {
  const { users, groups } = conditions.people;
  const userIds = [...new Set([...users.include, ...users.exclude])];
  const groupIds = [...new Set([...groups.include.filter((id) => id !== EVERYONE), ...groups.exclude])];
  const scopeNames = conditions.scopes.include.filter((name) => name !== ANY_SCOPE);
  const [foundUsers, foundGroups, foundScopes] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true } }) : [],
    groupIds.length ? db.group.findMany({ where: { id: { in: groupIds } }, select: { id: true } }) : [],
    scopeNames.length ? db.scope.findMany({ where: { authServerId, name: { in: scopeNames } }, select: { name: true } }) : [],
  ]);
  const knownUsers = new Set(foundUsers.map((user) => user.id));
  const knownGroups = new Set(foundGroups.map((group) => group.id));
  const knownScopes = new Set(foundScopes.map((scope) => scope.name));

  const problems: Array<[field: string, cause: string]> = [];
  const check = (field: string, noun: string, values: readonly string[], known: (value: string) => boolean) => {
    const unknown = values.filter((value) => !known(value));
    if (unknown.length > 0) problems.push([field, unknownCause(field, noun, unknown)]);
  };
  check("conditions.people.users.include", "user id", users.include, (id) => knownUsers.has(id));
  check("conditions.people.users.exclude", "user id", users.exclude, (id) => knownUsers.has(id));
  check("conditions.people.groups.include", "group id", groups.include, (id) => id === EVERYONE || knownGroups.has(id));
  check("conditions.people.groups.exclude", "group id", groups.exclude, (id) => knownGroups.has(id));
  check("conditions.scopes.include", "scope", scopeNames, (name) => knownScopes.has(name));
  const first = problems[0];
  if (first) {
    throw validationError(first[0], problems.map(([, cause]) => cause));
  }
}
