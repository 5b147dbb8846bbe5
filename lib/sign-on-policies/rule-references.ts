import type { Referenced } from "./check-people-references";
import type { OrgRuleConditions } from "./org-policy-types";

/** The user and group ids a rule's people condition names, per field, for checkPeopleReferences. */
export function ruleReferences(conditions: OrgRuleConditions): Referenced[] {
  const { users, groups } = conditions.people;
  return [
    { field: "conditions.people.users.include", kind: "user", ids: users.include },
    { field: "conditions.people.users.exclude", kind: "user", ids: users.exclude },
    { field: "conditions.people.groups.include", kind: "group", ids: groups.include },
    { field: "conditions.people.groups.exclude", kind: "group", ids: groups.exclude },
  ];
}

/** Whether the conditions are those of a default rule: everyone, anywhere. */
export function isEveryoneAnywhere(conditions: OrgRuleConditions): boolean {
  const { users, groups } = conditions.people;
  return [users.include, users.exclude, groups.include, groups.exclude].every((ids) => ids.length === 0) && conditions.network.connection === "ANYWHERE";
}
