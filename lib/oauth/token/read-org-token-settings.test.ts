import { describe, expect, it } from "vitest";
import type { Db } from "../../db/create-db-client";
import { readOrgTokenSettings } from "./read-org-token-settings";

const dbWith = (settings: unknown) => ({ orgSettings: { findUnique: async () => (settings === undefined ? null : { settings }) } }) as unknown as Db;

describe("readOrgTokenSettings", () => {
  it.each([
    ["the bootstrap defaults", { lockoutThreshold: 10, refreshTokenGraceSeconds: 30 }, { lockoutThreshold: 10, refreshTokenGraceSeconds: 30 }],
    ["admin values", { lockoutThreshold: 3, refreshTokenGraceSeconds: 0 }, { lockoutThreshold: 3, refreshTokenGraceSeconds: 0 }],
    ["a grace period beyond 60 s (clamped)", { refreshTokenGraceSeconds: 600 }, { lockoutThreshold: 10, refreshTokenGraceSeconds: 60 }],
    ["a negative grace period (clamped)", { refreshTokenGraceSeconds: -5 }, { lockoutThreshold: 10, refreshTokenGraceSeconds: 0 }],
    ["lockout disabled (0)", { lockoutThreshold: 0 }, { lockoutThreshold: 0, refreshTokenGraceSeconds: 30 }],
    ["wrong types", { lockoutThreshold: "3", refreshTokenGraceSeconds: null }, { lockoutThreshold: 10, refreshTokenGraceSeconds: 30 }],
    ["a negative threshold", { lockoutThreshold: -1 }, { lockoutThreshold: 10, refreshTokenGraceSeconds: 30 }],
    ["no settings row", undefined, { lockoutThreshold: 10, refreshTokenGraceSeconds: 30 }],
    ["a non-object", [1], { lockoutThreshold: 10, refreshTokenGraceSeconds: 30 }],
  ])("%s", async (_name, settings, expected) => {
    expect(await readOrgTokenSettings(dbWith(settings))).toEqual(expected);
  });
});
