import { describe, expect, it } from "vitest";
import { orderTokenTypes } from "./order-token-types";

describe("orderTokenTypes", () => {
  const all = ["access_token", "refresh_token", "id_token"] as const;
  it.each([
    [undefined, ["access_token", "refresh_token", "id_token"]],
    ["access_token", ["access_token", "refresh_token", "id_token"]],
    ["refresh_token", ["refresh_token", "access_token", "id_token"]],
    ["id_token", ["id_token", "access_token", "refresh_token"]],
    ["bogus", ["access_token", "refresh_token", "id_token"]],
    ["ACCESS_TOKEN", ["access_token", "refresh_token", "id_token"]],
  ])("hint %s -> %j", (hint, expected) => {
    expect(orderTokenTypes(hint, all)).toEqual(expected);
  });

  it("ignores a hint for a type the endpoint does not handle", () => {
    expect(orderTokenTypes("id_token", ["access_token", "refresh_token"])).toEqual(["access_token", "refresh_token"]);
    expect(orderTokenTypes("refresh_token", ["access_token", "refresh_token"])).toEqual(["refresh_token", "access_token"]);
  });
});
