/** conditions.clients.include: every client. */
export const ALL_CLIENTS = "ALL_CLIENTS";
/** conditions.people.groups.include of a rule: every user. */
export const EVERYONE = "EVERYONE";
/** conditions.scopes.include of a rule: any scope. */
export const ANY_SCOPE = "*";

/** A rule's conditions in their stored, normalized form. */
export type PolicyRuleConditions = {
  people: { users: { include: string[]; exclude: string[] }; groups: { include: string[]; exclude: string[] } };
  grantTypes: { include: string[] };
  scopes: { include: string[] };
};
