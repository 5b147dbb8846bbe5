import { describe, expect, it } from "vitest";
import { parseEqualityFilter } from "./parse-equality-filter";
import { FilterSyntaxError } from "./parse-filter-expression";

const FIELDS = { name: "string", "actor.id": "string", system: "boolean" } as const;

describe("parseEqualityFilter", () => {
  it.each<[string, { ignoreFieldCase?: boolean }, unknown]>([
    ['name eq "a"', {}, [{ field: "name", value: "a" }]],
    ['actor.id EQ "00u1" AND system eq TRUE', {}, [{ field: "actor.id", value: "00u1" }, { field: "system", value: true }]],
    ['(name eq "x and y") and (system eq false)', {}, [{ field: "name", value: "x and y" }, { field: "system", value: false }]],
    ['NAME eq "a"', { ignoreFieldCase: true }, [{ field: "name", value: "a" }]],
    ['name eq "say \\"hi\\""', {}, [{ field: "name", value: 'say "hi"' }]],
  ])("%s", (filter, options, expected) => {
    expect(parseEqualityFilter(filter, FIELDS, options)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['NAME eq "a"', "'NAME' (position 1) is not a field this filter compares."],
    ['label eq "a"', "'label' (position 1) is not a field this filter compares."],
    ['name sw "a"', "Expected 'eq' after 'name', found 'sw' at position 6."],
    ["name eq a", "Expected a double-quoted value after 'name eq', found 'a' at position 9."],
    ['system eq "true"', "Expected true or false after 'system eq', found \"true\" at position 11."],
    ["system eq 1", "Expected true or false after 'system eq', found '1' at position 11."],
    ['name eq "a" or name eq "b"', "Clauses can only be joined by 'and'."],
    ['name eq "a" and', "Expected an attribute or '(', found the end of the expression."],
    ["", "The expression is empty."],
  ])("refuses %j: %s", (filter, message) => {
    let error: unknown;
    try {
      parseEqualityFilter(filter, FIELDS);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FilterSyntaxError);
    expect((error as Error).message).toBe(message);
  });
});
