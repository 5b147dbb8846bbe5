import { compileGroupFilter } from "../../claims/compile-group-filter";
import { parseExpression } from "../../el";
import { readStringList } from "./read-string-list";
import type { CompiledClaimValue, SnapshotClaim } from "./types";

/** The columns of a Claim row the snapshot needs. */
export type ClaimRow = {
  id: string;
  name: string;
  status: string;
  claimType: string;
  valueType: string;
  value: string;
  groupFilterType: string | null;
  alwaysIncludeInToken: boolean;
  conditionScopes: unknown;
  system: boolean;
};

/**
 * Turns an ACTIVE claim row into its snapshot form, parsing an EXPRESSION once (parseExpression)
 * and compiling a GROUPS filter once (compileGroupFilter). A definition that no longer parses or
 * compiles (rows written by older code, edited by hand) is kept, flagged `invalid`, so the token
 * service skips it with a warning instead of failing. Returns null for INACTIVE claims and for a
 * claimType other than RESOURCE or IDENTITY.
 */
export function compileSnapshotClaim(row: ClaimRow): SnapshotClaim | null {
  if (row.status !== "ACTIVE") return null;
  if (row.claimType !== "RESOURCE" && row.claimType !== "IDENTITY") return null;
  const valueType = row.valueType === "EXPRESSION" || row.valueType === "GROUPS" || row.valueType === "SYSTEM" ? row.valueType : null;
  return {
    id: row.id,
    name: row.name,
    claimType: row.claimType,
    // An unknown valueType is reported as invalid; EXPRESSION is only the label it carries.
    valueType: valueType ?? "EXPRESSION",
    value: row.value,
    groupFilterType: row.groupFilterType,
    alwaysIncludeInToken: row.alwaysIncludeInToken,
    conditionScopes: readStringList(row.conditionScopes),
    system: row.system,
    compiled: valueType === null ? { kind: "invalid", message: `Unknown valueType '${row.valueType}'.` } : compileValue(valueType, row),
  };
}

function compileValue(valueType: "EXPRESSION" | "GROUPS" | "SYSTEM", row: ClaimRow): CompiledClaimValue {
  if (valueType === "SYSTEM") return { kind: "system" };
  if (valueType === "GROUPS") {
    const compiled = compileGroupFilter(row.groupFilterType ?? "", row.value);
    return compiled.ok ? { kind: "groups", filter: compiled.filter } : { kind: "invalid", message: compiled.message };
  }
  const parsed = parseExpression(row.value);
  return parsed.ok ? { kind: "expression", ast: parsed.ast } : { kind: "invalid", message: `${parsed.error.code}: ${parsed.error.message}` };
}
