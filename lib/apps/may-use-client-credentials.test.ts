import { describe, expect, it } from "vitest";
import { mayUseClientCredentials } from "./may-use-client-credentials";

describe("mayUseClientCredentials", () => {
  it.each([
    ["a confidential service app", true, true],
    ["a confidential web app", true, true],
    ["a public client (none)", false, false],
  ])("%s -> %s", (_name, isConfidential, expected) => {
    expect(mayUseClientCredentials({ isConfidential })).toBe(expected);
  });
});
