/** A parsed user filter (`search` / `filter` of GET /api/v1/users): terms joined with and/or. */
export type UserFilterOperator = "eq" | "sw" | "co" | "gt" | "ge" | "lt" | "le";
export type UserFilterValue = string | number | boolean | Date;
export type UserFilterTerm = { kind: "term"; attribute: string; operator: UserFilterOperator; value: UserFilterValue };
export type UserFilter = UserFilterTerm | { kind: "and" | "or"; terms: UserFilter[] };
