import { describe, expect, it } from "vitest";
import type { Db } from "../db/create-db-client";
import { MAX_SESSION_MINUTES, parseSessionSettings, readSessionSettings } from "./read-session-settings";

describe("parseSessionSettings", () => {
  it.each<[string, Record<string, unknown>, { idleMinutes: number; lifetimeMinutes: number }]>([
    ["the bootstrap defaults", { sessionIdleMinutes: 120, sessionMaxMinutes: 1440 }, { idleMinutes: 120, lifetimeMinutes: 1440 }],
    ["nothing set", {}, { idleMinutes: 120, lifetimeMinutes: 1440 }],
    ["admin values", { sessionIdleMinutes: 15, sessionMaxMinutes: 60 }, { idleMinutes: 15, lifetimeMinutes: 60 }],
    ["fractions are floored", { sessionIdleMinutes: 15.9, sessionMaxMinutes: 60.2 }, { idleMinutes: 15, lifetimeMinutes: 60 }],
    ["zero falls back", { sessionIdleMinutes: 0, sessionMaxMinutes: 0 }, { idleMinutes: 120, lifetimeMinutes: 1440 }],
    ["negative falls back", { sessionIdleMinutes: -5, sessionMaxMinutes: -1 }, { idleMinutes: 120, lifetimeMinutes: 1440 }],
    ["wrong types fall back", { sessionIdleMinutes: "30", sessionMaxMinutes: null }, { idleMinutes: 120, lifetimeMinutes: 1440 }],
    ["non-finite falls back", { sessionIdleMinutes: Number.NaN, sessionMaxMinutes: Number.POSITIVE_INFINITY }, { idleMinutes: 120, lifetimeMinutes: 1440 }],
    ["beyond 90 days is clamped", { sessionIdleMinutes: 10 ** 9, sessionMaxMinutes: MAX_SESSION_MINUTES + 1 }, { idleMinutes: MAX_SESSION_MINUTES, lifetimeMinutes: MAX_SESSION_MINUTES }],
    ["idle longer than the lifetime is kept (the absolute expiry bounds it)", { sessionIdleMinutes: 600, sessionMaxMinutes: 60 }, { idleMinutes: 600, lifetimeMinutes: 60 }],
  ])("%s", (_name, settings, expected) => {
    expect(parseSessionSettings(settings)).toEqual(expected);
  });
});

describe("readSessionSettings", () => {
  const dbWith = (settings: unknown) => ({ orgSettings: { findUnique: async () => (settings === undefined ? null : { settings }) } }) as unknown as Db;
  it.each<[string, unknown, { idleMinutes: number; lifetimeMinutes: number }]>([
    ["a settings row", { sessionIdleMinutes: 30, sessionMaxMinutes: 90 }, { idleMinutes: 30, lifetimeMinutes: 90 }],
    ["no settings row", undefined, { idleMinutes: 120, lifetimeMinutes: 1440 }],
    ["a non-object", [1, 2], { idleMinutes: 120, lifetimeMinutes: 1440 }],
  ])("%s", async (_name, settings, expected) => {
    expect(await readSessionSettings(dbWith(settings))).toEqual(expected);
  });
});
