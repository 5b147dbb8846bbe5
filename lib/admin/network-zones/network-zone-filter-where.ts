import type { Prisma } from "../../db/generated/sqlite/client";
import { foldScimFilter, unsupportedFilterError, type ScimTerm } from "../../okta-api/scim-filter";
import { parseScimFilter } from "../groups/parse-scim-filter";

const SUPPORTED = 'usage eq "POLICY"|"BLOCKLIST", id eq "...", joined with and/or and grouped with parentheses';

/** The `filter` parameter of GET /api/v1/zones as a database condition (Okta filters on id and usage). */
export function networkZoneFilterWhere(expression: string): Prisma.NetworkZoneWhereInput {
  return foldScimFilter<Prisma.NetworkZoneWhereInput>(parseScimFilter(expression, "filter", SUPPORTED), {
    term: termWhere,
    and: (items) => ({ AND: items }),
    or: (items) => ({ OR: items }),
  });
}

function termWhere(term: ScimTerm): Prisma.NetworkZoneWhereInput {
  if (term.operator !== "eq") throw unsupportedFilterError("filter", SUPPORTED, `'${term.attribute} ${term.operator}' is not supported.`);
  switch (term.attribute) {
    case "usage":
      return { usage: term.value };
    case "id":
      return { id: term.value };
    default:
      throw unsupportedFilterError("filter", SUPPORTED, `'${term.attribute}' is not a supported attribute.`);
  }
}
