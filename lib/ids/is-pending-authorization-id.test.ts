import { describe, expect, it } from "vitest";
import { isPendingAuthorizationId } from "./is-pending-authorization-id";

describe("isPendingAuthorizationId", () => {
  it.each([
    ["ftxAbc123XYZ456789ab", true],
    ["a", true],
    ["x".repeat(64), true],
    ["x".repeat(65), false],
    ["", false],
    [null, false],
    [undefined, false],
    ["ftx\u0000abc", false],
    ["ftx\r\nX-Evil: 1", false],
    ["ftx-abc", false],
    ["ftxé", false],
    [" ftx1", false],
  ] as const)("%j -> %s", (value, expected) => {
    expect(isPendingAuthorizationId(value)).toBe(expected);
  });
});
