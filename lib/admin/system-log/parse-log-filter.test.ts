import { describe, expect, it } from "vitest";
import { AdminApiError } from "../../okta-api/admin-api-error";
import { parseLogFilter } from "./parse-log-filter";

describe("parseLogFilter", () => {
  it.each([
    [null, {}],
    ["", {}],
    ['eventType eq "user.lifecycle.create"', { eventType: "user.lifecycle.create" }],
    ['outcome.result eq "FAILURE"', { outcomeResult: "FAILURE" }],
    ['actor.id eq "00u123" and eventType eq "x.y"', { actorId: "00u123", eventType: "x.y" }],
    ['severity eq "WARN" AND uuid eq "abc"', { severity: "WARN", uuid: "abc" }],
    ['eventType eq "with \\"quote\\""', { eventType: 'with "quote"' }],
    ['eventType eq "a and b" and (severity eq "INFO")', { eventType: "a and b", severity: "INFO" }],
  ])("parses %j", (input, expected) => {
    expect(parseLogFilter(input)).toEqual(expected);
  });

  it.each([
    'eventType sw "user"',
    'published gt "2020-01-01T00:00:00Z"',
    "eventType eq user.lifecycle.create",
    'eventType eq "a" or eventType eq "b"',
    'eventType eq "a" and eventType eq "b"',
    '__proto__ eq "x"',
    "x".repeat(1001),
    'eventType eq "a" and',
    'constructor eq "x"',
  ])("rejects %j with E0000001 on filter", (input) => {
    let error: unknown;
    try {
      parseLogFilter(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AdminApiError);
    expect((error as AdminApiError).errorCode).toBe("E0000001");
    expect((error as AdminApiError).errorSummary).toBe("Api validation failed: filter");
  });
});
