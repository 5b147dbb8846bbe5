import { describe, expect, it } from "vitest";
import { grantIdOf, grantRevocationKey, newAccessTokenId, revocationKeysFor } from "./access-token-id";

const fixed = (size: number) => Buffer.alloc(size, 0xab);

describe("access token ids", () => {
  it("are AT.<random>, with the grant id appended for user grants", () => {
    expect(newAccessTokenId(null, fixed)).toBe("AT.q6urq6urq6urq6urq6urqw");
    expect(newAccessTokenId("gr1", fixed)).toBe("AT.q6urq6urq6urq6urq6urqw.gr1");
  });

  it.each([
    ["AT.abc.gr1", "gr1", ["AT.abc.gr1", "grant:gr1"]],
    ["AT.abc", null, ["AT.abc"]],
    ["ID.abc.gr1", null, ["ID.abc.gr1"]],
    ["AT.abc.", null, ["AT.abc."]],
    ["AT.a.b.c", null, ["AT.a.b.c"]],
  ])("%s belongs to grant %s", (jti, grantId, keys) => {
    expect(grantIdOf(jti)).toBe(grantId);
    expect(revocationKeysFor(jti)).toEqual(keys);
  });

  it("names a grant's revocation marker", () => {
    expect(grantRevocationKey("oarX")).toBe("grant:oarX");
  });
});
