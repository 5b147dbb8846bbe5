import type { Prisma } from "../../db/generated/sqlite/client";
import { normalizeOrigin } from "../../trusted-origins/normalize-origin";
import { foldScimFilter, unsupportedFilterError, type ScimTerm } from "../../okta-api/scim-filter";
import { parseScimFilter } from "../groups/parse-scim-filter";

const SUPPORTED = 'name eq "...", origin eq "...", status eq "ACTIVE"|"INACTIVE" and id eq "...", joined with and/or and grouped with parentheses';

/** The `filter` parameter of GET /api/v1/trustedOrigins as a database condition. */
export function trustedOriginFilterWhere(expression: string): Prisma.TrustedOriginWhereInput {
  return foldScimFilter<Prisma.TrustedOriginWhereInput>(parseScimFilter(expression, "filter", SUPPORTED), {
    term: termWhere,
    and: (items) => ({ AND: items }),
    or: (items) => ({ OR: items }),
  });
}

function termWhere(term: ScimTerm): Prisma.TrustedOriginWhereInput {
  if (term.operator !== "eq") throw unsupportedFilterError("filter", SUPPORTED, `'${term.attribute} ${term.operator}' is not supported.`);
  switch (term.attribute) {
    case "name":
      return { name: term.value };
    case "origin": {
      // Stored origins are normalised; compare the value the same way (as typed, if it is not an origin).
      const normalized = normalizeOrigin(term.value);
      return { origin: normalized.ok ? normalized.origin : term.value.toLowerCase() };
    }
    case "status":
      return { status: term.value };
    case "id":
      return { id: term.value };
    default:
      throw unsupportedFilterError("filter", SUPPORTED, `'${term.attribute}' is not a supported attribute.`);
  }
}
