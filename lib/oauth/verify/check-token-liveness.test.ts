import { describe, expect, it } from "vitest";
import type { Db } from "../../db/create-db-client";
import { checkTokenLiveness } from "./check-token-liveness";

const T = new Date("2026-01-15T10:00:00.500Z");
const IAT = Math.floor(T.getTime() / 1000);

type World = {
  app?: { id: string; clientId: string; status: string; lastUpdated: Date } | null;
  user?: { id: string; login: string; status: string; statusChanged: Date | null } | null;
  direct?: boolean;
  viaGroup?: boolean;
};

/** Just enough of a database client for checkTokenLiveness and isUserAssignedToApp. */
function fakeDb(world: World): Db {
  const app = world.app === undefined ? { id: "0oaapp", clientId: "client", status: "ACTIVE", lastUpdated: T } : world.app;
  const user = world.user === undefined ? { id: "00uuser", login: "u@example.com", status: "ACTIVE", statusChanged: T } : world.user;
  return {
    app: { findUnique: async () => app },
    user: { findUnique: async () => user },
    appUserAssignment: { findUnique: async () => ((world.direct ?? true) ? { appId: "0oaapp" } : null) },
    appGroupAssignment: { findFirst: async () => (world.viaGroup ? { appId: "0oaapp" } : null) },
  } as unknown as Db;
}

const holder = { clientId: "client", userId: "00uuser", issuedAt: IAT };

describe("checkTokenLiveness", () => {
  it("returns the app and user of a live token", async () => {
    expect(await checkTokenLiveness(fakeDb({}), holder)).toEqual({
      app: { id: "0oaapp", clientId: "client", status: "ACTIVE", lastUpdated: T },
      user: { id: "00uuser", login: "u@example.com", status: "ACTIVE", statusChanged: T },
    });
  });

  it("compares iat with lastUpdated and statusChanged in whole seconds: the same second is live, the one before is dead", async () => {
    expect(await checkTokenLiveness(fakeDb({}), { ...holder, issuedAt: IAT })).not.toBeNull();
    expect(await checkTokenLiveness(fakeDb({}), { ...holder, issuedAt: IAT - 1 })).toBeNull();
    const later = new Date(T.getTime() + 1000);
    expect(await checkTokenLiveness(fakeDb({ app: { id: "0oaapp", clientId: "client", status: "ACTIVE", lastUpdated: later } }), holder)).toBeNull();
    expect(await checkTokenLiveness(fakeDb({ user: { id: "00uuser", login: "u", status: "ACTIVE", statusChanged: later } }), holder)).toBeNull();
    expect(await checkTokenLiveness(fakeDb({ user: { id: "00uuser", login: "u", status: "ACTIVE", statusChanged: null } }), holder)).not.toBeNull();
  });

  it.each([
    ["the app is gone", { app: null }],
    ["the app is INACTIVE", { app: { id: "0oaapp", clientId: "client", status: "INACTIVE", lastUpdated: T } }],
    ["the user is gone", { user: null }],
    ["the user is SUSPENDED", { user: { id: "00uuser", login: "u", status: "SUSPENDED", statusChanged: T } }],
    ["the user is DEPROVISIONED", { user: { id: "00uuser", login: "u", status: "DEPROVISIONED", statusChanged: T } }],
    ["the user is LOCKED_OUT", { user: { id: "00uuser", login: "u", status: "LOCKED_OUT", statusChanged: T } }],
    ["the user is no longer assigned", { direct: false, viaGroup: false }],
  ] as Array<[string, World]>)("is dead when %s", async (_name, world) => {
    expect(await checkTokenLiveness(fakeDb(world), holder)).toBeNull();
  });

  it("accepts an assignment through a group", async () => {
    expect(await checkTokenLiveness(fakeDb({ direct: false, viaGroup: true }), holder)).not.toBeNull();
  });

  it("checks only the app for client_credentials tokens", async () => {
    expect(await checkTokenLiveness(fakeDb({ user: null, direct: false }), { ...holder, userId: null })).toMatchObject({ user: null, app: { id: "0oaapp" } });
    expect(await checkTokenLiveness(fakeDb({ app: null }), { ...holder, userId: null })).toBeNull();
  });
});
