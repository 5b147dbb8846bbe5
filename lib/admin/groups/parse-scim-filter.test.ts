import { describe, expect, it } from "vitest";
import { AdminApiError } from "../admin-api-error";
import { foldScimFilter, parseScimFilter, type ScimExpression } from "./parse-scim-filter";

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
    ["", "The expression ends too early."],
    ["type eq OKTA_GROUP", "Expected a double-quoted value after 'type eq'."],
    ['type "OKTA_GROUP"', "Expected an operator (eq, ne, gt, ge, lt, le, sw, co) after 'type'."],
    ['type like "x"', "Expected an operator (eq, ne, gt, ge, lt, le, sw, co) after 'type'."],
    ['type eq "x', "The value that starts at position 8 has no closing '\"'."],
    ['type eq "x"and id eq "y"', "Expected a space after the value that starts at position 8."],
    ['type eq "x" and', "The expression ends too early."],
    ['type eq "x" id eq "y"', "Unexpected 'id' at position 12."],
    ['(type eq "x"', "Expected ')' at position 12."],
    ['type eq "x")', "Unexpected ')' at position 11."],
    ['and eq "x"', "Expected an attribute at position 0."],
    ['type eq "x" or or', "Expected an attribute at position 15."],
    ['type eq "x" ; drop', "Unexpected ';' at position 12."],
    [`${"(".repeat(9)}id eq "x"${")".repeat(9)}`, "Parentheses nest at most 8 deep."],
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
