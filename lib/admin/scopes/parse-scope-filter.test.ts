import { describe, expect, it } from "vitest";
import { AdminApiError } from "../../okta-api/admin-api-error";
import { parseScopeFilter } from "./parse-scope-filter";

describe("parseScopeFilter", () => {
  it.each([
    ['name eq "car:drive"', [{ attribute: "name", value: "car:drive" }]],
    ['  name   EQ  "Car:Drive"  ', [{ attribute: "name", value: "Car:Drive" }]],
    ['name eq "say \\"hi\\" \\\\ there"', [{ attribute: "name", value: 'say "hi" \\ there' }]],
    ['name eq "a and b"', [{ attribute: "name", value: "a and b" }]],
    ["system eq true", [{ attribute: "system", value: true }]],
    ["system eq FALSE", [{ attribute: "system", value: false }]],
    ['system eq false and name eq "x"', [{ attribute: "system", value: false }, { attribute: "name", value: "x" }]],
    ['name eq "x" AND system eq true', [{ attribute: "name", value: "x" }, { attribute: "system", value: true }]],
    ['NAME eq "x" and (System eq false)', [{ attribute: "name", value: "x" }, { attribute: "system", value: false }]],
  ])("%s", (filter, terms) => {
    expect(parseScopeFilter(filter)).toEqual(terms);
  });

  it.each([
    "",
    "   ",
    "name eq x",
    'name sw "x"',
    'name eq "x',
    'description eq "x"',
    "system eq yes",
    'system eq "true"',
    'name eq "x" or system eq true',
    'name eq "x" and',
    'name eq "x" system eq true',
    'name eq "x"and system eq true',
    "name eq truex",
    "system eq true)",
    '(name eq "x" or name eq "y")',
  ])("refuses %j with E0000001 on filter", (filter) => {
    let error: unknown;
    try {
      parseScopeFilter(filter);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error).toMatchObject({ status: 400, errorCode: "E0000001", errorSummary: "Api validation failed: filter" });
    expect((error as AdminApiError).causes).toEqual([expect.stringMatching(/^filter: \S.* Supported: name eq "<scope name>" and system eq true\|false, joined with and\.$/)]);
  });
});
