import { describe, expect, it } from "vitest";
import { toTokenUser, type ClaimsUserRow } from "./claims-user";

const row = (groups: Array<{ id: string; name: string }>, profile: unknown = { firstName: "Ann" }): ClaimsUserRow => ({
  id: "00uAnn",
  status: "ACTIVE",
  login: "ann@example.com",
  profile: profile as ClaimsUserRow["profile"],
  lastUpdated: new Date("2026-01-01T00:00:00Z"),
  memberships: groups.map((group) => ({ group })),
});

describe("toTokenUser", () => {
  it("lists Everyone first, then the user's groups by name; policy group ids are the explicit memberships", () => {
    const result = toTokenUser(row([{ id: "00gB", name: "beta" }, { id: "00gA", name: "Alpha" }, { id: "00gC", name: "Gamma" }]), "00gEveryone");
    expect(result.user).toEqual({
      id: "00uAnn",
      login: "ann@example.com",
      status: "ACTIVE",
      profile: { firstName: "Ann" },
      groups: [
        { id: "00gEveryone", name: "Everyone" },
        { id: "00gA", name: "Alpha" },
        { id: "00gB", name: "beta" },
        { id: "00gC", name: "Gamma" },
      ],
      lastUpdated: new Date("2026-01-01T00:00:00Z"),
    });
    expect(result.groupIds).toEqual(["00gA", "00gB", "00gC"]);
  });

  it("without a known Everyone group, and with a non-object profile", () => {
    const result = toTokenUser(row([], ["not", "an", "object"]), null);
    expect(result.user.groups).toEqual([]);
    expect(result.user.profile).toEqual({});
  });

  it("never lists Everyone twice", () => {
    expect(toTokenUser(row([{ id: "00gEveryone", name: "Everyone" }]), "00gEveryone").user.groups).toEqual([{ id: "00gEveryone", name: "Everyone" }]);
  });
});
