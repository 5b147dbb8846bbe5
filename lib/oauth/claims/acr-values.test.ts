import { describe, expect, it } from "vitest";
import { acrRequirement, chooseAcr } from "./acr-values";

describe("chooseAcr", () => {
  it.each<[string | null, string | null]>([
    [null, null],
    ["", null],
    ["urn:okta:loa:2fa:any", "urn:okta:loa:2fa:any"],
    ["phr urn:okta:loa:1fa:pwd urn:okta:loa:2fa:any", "urn:okta:loa:1fa:pwd"],
    ["urn:example:gold phrh", null],
    ["urn:okta:loa:2fa:any:ifpossible", "urn:okta:loa:2fa:any:ifpossible"],
    ["URN:OKTA:LOA:2FA:ANY", null],
  ])("%j -> %j", (input, expected) => {
    expect(chooseAcr(input)).toBe(expected);
  });
});

describe("acrRequirement", () => {
  it.each([
    [null, { password: false, secondFactor: "no" }],
    ["urn:okta:loa:1fa:any", { password: false, secondFactor: "no" }],
    ["urn:okta:loa:1fa:pwd", { password: true, secondFactor: "no" }],
    ["urn:okta:loa:2fa:any", { password: false, secondFactor: "required" }],
    ["urn:okta:loa:2fa:any:ifpossible", { password: false, secondFactor: "if-enrolled" }],
  ] as const)("%s", (acr, expected) => {
    expect(acrRequirement(acr)).toEqual(expected);
  });
});
