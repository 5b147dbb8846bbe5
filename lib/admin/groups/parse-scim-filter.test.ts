import { describe, expect, it } from "vitest";
import { AdminApiError } from "../../okta-api/admin-api-error";
import { foldScimFilter, type ScimExpression } from "../../okta-api/scim-filter";
import { parseScimFilter } from "./parse-scim-filter";

const term = (attribute: string, operator: string, value: string): ScimExpression => ({ kind: "term", term: { attribute, operator: operator as "eq", value } });
const parse = (expression: string) => parseScimFilter(expression, "search", "the documented subset");

describe("parseScimFilter", () => {
  it.each<[string, ScimExpression]>([
    ['type eq "OKTA_GROUP"', term("type", "eq", "OKTA_GROUP")],
    ['  type   EQ   "BUILT_IN"  ', term("type", "eq", "BUILT_IN")],
    ['profile.name eq "say \\"hi\\" \\\\ there"', term("profile.name", "eq", 'say "hi" \\ there')],
    ['profile.name eq "a and b or c"', term("profile.name", "eq", "a and b or c")],
    ['lastUpdated gt "2026-01-01T00:00:00.000Z"', term("lastUpdated", "gt", "2026-01-01T00:00:00.000Z")],
    ['type eq "A" and id eq "B"', { kind: "and", items: [term("type", "eq", "A"), term("id", "eq", "B")] }],
    ['type eq "A" OR type eq "B"', { kind: "or", items: [term("type", "eq", "A"), term("type", "eq", "B")] }],
    [
      'type eq "A" or type eq "B" and id eq "C"',
      { kind: "or", items: [term("type", "eq", "A"), { kind: "and", items: [term("type", "eq", "B"), term("id", "eq", "C")] }] },
    ],
    [
      '(type eq "A" or type eq "B") and id eq "C"',
      { kind: "and", items: [{ kind: "or", items: [term("type", "eq", "A"), term("type", "eq", "B")] }, term("id", "eq", "C")] },
    ],
    ['((id eq "x"))', term("id", "eq", "x")],
  ])("%s", (expression, expected) => {
    expect(parse(expression)).toEqual(expected);
  });

  it.each([
    ["", "The expression is empty."],
    ["type eq OKTA_GROUP", "Expected a double-quoted value after 'type eq', found 'OKTA_GROUP' at position 9."],
    ["type eq 5", "Expected a double-quoted value after 'type eq', found '5' at position 9."],
    ['type "OKTA_GROUP"', "Expected an operator (eq, ne, gt, ge, lt, le, sw, co) after 'type', found \"OKTA_GROUP\" at position 6."],
    ['type like "x"', "Expected an operator (eq, ne, gt, ge, lt, le, sw, co) after 'type', found 'like' at position 6."],
    ['type eq "x', "The string that starts at position 9 has no closing '\"'."],
    ['type eq "x\\n"', 'Only \\" and \\\\ may be escaped in a string (position 11).'],
    ['type eq "x"and id eq "y"', "Expected a space after the string that starts at position 9."],
    ['type eq "x" and', "Expected an attribute or '(', found the end of the expression."],
    ['type eq "x" id eq "y"', "Expected 'and', 'or' or the end of the expression, found 'id' at position 13."],
    ['(type eq "x"', "Expected ')' to close the '(' at position 1, found the end of the expression."],
    ['type eq "x")', "Expected 'and', 'or' or the end of the expression, found ')' at position 12."],
    ['and eq "x"', "Expected an attribute or '(', found 'and' at position 1."],
    ['type eq "x" or or', "Expected an attribute or '(', found 'or' at position 16."],
    ['type eq "x" ; drop', "Unexpected character ';' at position 13."],
    [`${"(".repeat(9)}id eq "x"${")".repeat(9)}`, "Parentheses nest at most 8 deep."],
    [Array.from({ length: 21 }, (_, i) => `id eq "${i}"`).join(" or "), "An expression has at most 20 comparisons."],
    [`id eq "${"x".repeat(2100)}"`, "The expression is longer than 2048 characters."],
  ])("refuses %j with E0000001 on the parameter", (expression, detail) => {
    let error: unknown;
    try {
      parse(expression);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error).toMatchObject({
      status: 400,
      errorCode: "E0000001",
      errorSummary: "Api validation failed: search",
      causes: [`search: ${detail} Supported: the documented subset.`],
    });
  });

  it("folds an expression bottom-up", () => {
    const folded = foldScimFilter(parse('(a eq "1" or b eq "2") and c eq "3"'), {
      term: (t) => `${t.attribute}=${t.value}`,
      and: (items) => `(${items.join(" & ")})`,
      or: (items) => `(${items.join(" | ")})`,
    });
    expect(folded).toBe("((a=1 | b=2) & c=3)");
  });
});
