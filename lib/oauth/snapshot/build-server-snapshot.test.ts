import { describe, expect, it } from "vitest";
import { buildServerSnapshot, type ServerSnapshotRows } from "./build-server-snapshot";
import { compileSnapshotClaim, type ClaimRow } from "./compile-snapshot-claim";
import { deepFreeze } from "./deep-freeze";
import { readStringList } from "./read-string-list";

const server = { id: "aus1", name: "One", description: "d", audiences: ["api://one"], issuerMode: "ORG_URL", status: "ACTIVE", isDefault: false, configVersion: 7 };

function rows(overrides: Partial<ServerSnapshotRows> = {}): ServerSnapshotRows {
  return { server, policies: [], scopes: [], claims: [], everyoneGroupId: "00gevery", ...overrides };
}

const rule = (id: string, priority: number, status = "ACTIVE", conditions: unknown = {}) => ({
  id,
  name: id,
  status,
  priority,
  conditions,
  accessTokenLifetimeMinutes: 60,
  refreshTokenLifetimeMinutes: 0,
  refreshTokenWindowMinutes: 10_080,
  inlineHook: null,
});

const claimRow = (overrides: Partial<ClaimRow>): ClaimRow => ({
  id: "ocl1",
  name: "c",
  status: "ACTIVE",
  claimType: "RESOURCE",
  valueType: "EXPRESSION",
  value: "user.login",
  groupFilterType: null,
  alwaysIncludeInToken: true,
  conditionScopes: [],
  system: false,
  ...overrides,
});

describe("buildServerSnapshot", () => {
  it("is null for a server that is not ACTIVE", () => {
    expect(buildServerSnapshot(rows({ server: { ...server, status: "INACTIVE" } }))).toBeNull();
  });

  it("copies the server fields and derives the issuer path", () => {
    const snapshot = buildServerSnapshot(rows())!;
    expect(snapshot).toMatchObject({
      id: "aus1",
      name: "One",
      description: "d",
      audiences: ["api://one"],
      issuerPath: "/oauth2/aus1",
      issuerMode: "ORG_URL",
      status: "ACTIVE",
      isDefault: false,
      configVersion: 7,
      everyoneGroupId: "00gevery",
    });
  });

  it("keeps ACTIVE policies and rules only, sorted by priority then id", () => {
    const snapshot = buildServerSnapshot(
      rows({
        policies: [
          { id: "p3", name: "p3", status: "ACTIVE", priority: 2, clientsInclude: ["c1", "c2"], rules: [] },
          { id: "p1", name: "p1", status: "INACTIVE", priority: 1, clientsInclude: ["ALL_CLIENTS"], rules: [] },
          { id: "p2", name: "p2", status: "ACTIVE", priority: 2, clientsInclude: ["ALL_CLIENTS"], rules: [rule("r2", 2), rule("r9", 1, "INACTIVE"), rule("r1", 1), rule("r0", 2)] },
        ],
      }),
    )!;
    expect(snapshot.policies.map((policy) => policy.id)).toEqual(["p2", "p3"]);
    expect(snapshot.policies[0]!.rules.map((r) => r.id)).toEqual(["r1", "r0", "r2"]);
    expect(snapshot.policies.map((policy) => policy.allClients)).toEqual([true, false]);
    expect(snapshot.policies[1]!.clientsInclude).toEqual(["c1", "c2"]);
  });

  it("normalises rule conditions defensively", () => {
    const conditions = {
      people: { users: { include: ["u1", "u1", 5], exclude: null }, groups: { include: ["EVERYONE"] } },
      grantTypes: { include: ["password", "password"] },
      scopes: { include: [{ name: "a", access: "ALLOW" }, "b", ""] },
    };
    const snapshot = buildServerSnapshot(rows({ policies: [{ id: "p", name: "p", status: "ACTIVE", priority: 1, clientsInclude: "ALL_CLIENTS", rules: [rule("r", 1, "ACTIVE", conditions), rule("s", 2, "ACTIVE", null)] }] }))!;
    const [first, second] = snapshot.policies[0]!.rules;
    expect(first).toMatchObject({
      people: { users: { include: ["u1"], exclude: [] }, groups: { include: ["EVERYONE"], exclude: [] } },
      grantTypes: ["password"],
      scopes: ["a", "b"],
      anyScope: false,
    });
    expect(second).toMatchObject({ people: { users: { include: [], exclude: [] }, groups: { include: [], exclude: [] } }, grantTypes: [], scopes: [], anyScope: false });
    // a clients condition that is not a list applies to nobody
    expect(snapshot.policies[0]).toMatchObject({ clientsInclude: [], allClients: false });
  });

  it("marks '*' rules as any-scope and keeps lifetimes", () => {
    const snapshot = buildServerSnapshot(rows({ policies: [{ id: "p", name: "p", status: "ACTIVE", priority: 1, clientsInclude: ["ALL_CLIENTS"], rules: [rule("r", 1, "ACTIVE", { scopes: { include: ["*"] } })] }] }))!;
    expect(snapshot.policies[0]!.rules[0]).toMatchObject({ anyScope: true, accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10_080, inlineHook: null });
  });

  it("indexes scopes by exact name", () => {
    const scope = { description: null, consent: "IMPLICIT", isDefault: true, metadataPublish: "NO_CLIENTS", system: false };
    const snapshot = buildServerSnapshot(rows({ scopes: [{ ...scope, name: "b" }, { ...scope, name: "A" }] }))!;
    expect(snapshot.scopes.map((s) => s.name)).toEqual(["A", "b"]);
    expect(snapshot.scopesByName.b).toMatchObject({ name: "b", isDefault: true });
    expect(snapshot.scopesByName.a).toBeUndefined();
    expect(snapshot.scopesByName.toString).toBeUndefined();
  });

  it("keeps ACTIVE claims, pre-compiled, by type then name", () => {
    const snapshot = buildServerSnapshot(
      rows({
        claims: [
          claimRow({ id: "o1", name: "z", claimType: "RESOURCE" }),
          claimRow({ id: "o2", name: "a", claimType: "RESOURCE", status: "INACTIVE" }),
          claimRow({ id: "o3", name: "b", claimType: "IDENTITY", valueType: "GROUPS", value: "eng", groupFilterType: "STARTS_WITH" }),
          claimRow({ id: "o4", name: "y", claimType: "RESOURCE", valueType: "SYSTEM", value: "whatever ((" }),
        ],
      }),
    )!;
    expect(snapshot.claims.map((claim) => [claim.claimType, claim.name, claim.compiled.kind])).toEqual([
      ["IDENTITY", "b", "groups"],
      ["RESOURCE", "y", "system"],
      ["RESOURCE", "z", "expression"],
    ]);
  });

  it("is deeply frozen", () => {
    const snapshot = buildServerSnapshot(rows({ policies: [{ id: "p", name: "p", status: "ACTIVE", priority: 1, clientsInclude: ["ALL_CLIENTS"], rules: [rule("r", 1)] }] }))!;
    expect(Object.isFrozen(snapshot)).toBe(true);
    expect(Object.isFrozen(snapshot.policies[0]!.rules[0]!.people.users.include)).toBe(true);
    expect(Object.isFrozen(snapshot.scopesByName)).toBe(true);
    expect(() => (snapshot.audiences as string[]).push("x")).toThrow(TypeError);
  });
});

describe("compileSnapshotClaim", () => {
  it("parses an EXPRESSION once", () => {
    const claim = compileSnapshotClaim(claimRow({ value: 'user.login + "!"' }))!;
    expect(claim.compiled).toMatchObject({ kind: "expression", ast: { type: "binary", op: "+" } });
  });

  it("compiles a GROUPS filter once", () => {
    const claim = compileSnapshotClaim(claimRow({ valueType: "GROUPS", value: "^eng.*", groupFilterType: "REGEX" }))!;
    expect(claim.compiled.kind).toBe("groups");
    if (claim.compiled.kind === "groups") {
      expect(claim.compiled.filter.matches("engineers")).toBe(true);
      expect(claim.compiled.filter.matches("Engineers")).toBe(false);
    }
  });

  it.each([
    ["an expression that does not parse", claimRow({ value: "user.login +" }), "el.syntax"],
    ["an unknown function", claimRow({ value: "Foo.bar()" }), "el.unknown_function"],
    ["a GROUPS claim without a filter type", claimRow({ valueType: "GROUPS", value: "eng" }), "Unknown group filter type"],
    ["a REGEX that RE2 cannot run (a backreference)", claimRow({ valueType: "GROUPS", value: "(a)\\1", groupFilterType: "REGEX" }), "invalid escape sequence"],
    ["an unknown valueType", claimRow({ valueType: "MAGIC" }), "Unknown valueType"],
  ])("flags %s as invalid instead of failing", (_name, row, message) => {
    const claim = compileSnapshotClaim(row)!;
    expect(claim.compiled.kind).toBe("invalid");
    if (claim.compiled.kind === "invalid") expect(claim.compiled.message).toContain(message);
  });

  it("drops INACTIVE claims and unknown claim types", () => {
    expect(compileSnapshotClaim(claimRow({ status: "INACTIVE" }))).toBeNull();
    expect(compileSnapshotClaim(claimRow({ claimType: "OTHER" }))).toBeNull();
  });

  it("reads conditions.scopes defensively", () => {
    expect(compileSnapshotClaim(claimRow({ conditionScopes: ["a", "a", 3, "b"] }))!.conditionScopes).toEqual(["a", "b"]);
    expect(compileSnapshotClaim(claimRow({ conditionScopes: null }))!.conditionScopes).toEqual([]);
  });
});

describe("readStringList", () => {
  it.each([
    [["a", "b", "a"], ["a", "b"]],
    [[{ name: "x", access: "ALLOW" }, "y", 1, null, ""], ["x", "y"]],
    ["ALL_CLIENTS", []],
    [null, []],
    [{ include: ["a"] }, []],
  ])("%j -> %j", (input, expected) => {
    expect(readStringList(input)).toEqual(expected);
  });
});

describe("deepFreeze", () => {
  it("freezes nested objects and arrays, and survives cycles", () => {
    const value: { a: { b: number[] }; self?: unknown } = { a: { b: [1] } };
    value.self = value;
    deepFreeze(value);
    expect(Object.isFrozen(value.a.b)).toBe(true);
    expect(Object.isFrozen(value)).toBe(true);
  });

  it("returns primitives unchanged", () => {
    expect(deepFreeze(3)).toBe(3);
    expect(deepFreeze(null)).toBeNull();
  });
});
