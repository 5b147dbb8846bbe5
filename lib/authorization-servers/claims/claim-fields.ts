import type { Claim } from "../../db/generated/sqlite/client";

/** A custom claim's properties as a create or replace writes them (EXPRESSION or GROUPS; never SYSTEM); conditionScopes names scopes of the server. */
export type ClaimFields = Pick<Claim, "name" | "status" | "claimType" | "valueType" | "value" | "groupFilterType" | "alwaysIncludeInToken"> & { conditionScopes: string[] };
