import { describe, expect, it } from "vitest";
import { userPathKey } from "./user-path-key";

describe("userPathKey", () => {
  it.each([
    ["00u1abcdEFGH", { key: "00u1abcdEFGH", where: { id: "00u1abcdEFGH" } }],
    ["Isaac@Example.com", { key: "Isaac@Example.com", where: { loginLower: "isaac@example.com" } }],
    ["isaac%40example.com", { key: "isaac@example.com", where: { loginLower: "isaac@example.com" } }],
    ["ISAAC%2540example.com", { key: "ISAAC%40example.com", where: { id: "ISAAC%40example.com" } }],
    ["bad%zzkey", { key: "bad%zzkey", where: { id: "bad%zzkey" } }],
    ["me", { key: "me", where: { id: "me" } }],
  ])("%s", (input, expected) => {
    expect(userPathKey(input)).toEqual(expected);
  });
});
