import { generateKeyPairSync } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/create-db-client";
import { findVerificationKey, MAX_KEY_SET_AGE_MS, resetVerificationKeyCache, UNKNOWN_KID_RELOAD_MS } from "./find-verification-key";

const SECRETS = Buffer.alloc(32);
const T0 = new Date("2026-01-15T10:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

const { n, e } = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ format: "jwk" });

function keyRow(kid: string, status: string, publishUntil: Date | null = null) {
  return { kid, status, publicJwk: { n, e }, created: T0, activated: null, expired: null, publishUntil };
}

/** Just enough of a database client for listPublishedKeys (a MANUAL server: no rotation on read). */
function fakeDb(rows: ReturnType<typeof keyRow>[]) {
  const state = { reads: 0, rows };
  const db = {
    authorizationServer: {
      findUnique: async () => {
        state.reads++;
        return { rotationMode: "MANUAL", nextRotation: null, keys: state.rows };
      },
    },
  } as unknown as Db;
  return { db, state };
}

describe("findVerificationKey", () => {
  beforeEach(() => resetVerificationKeyCache());

  it("loads the published set once and answers every kid of it from memory", async () => {
    const { db, state } = fakeDb([keyRow("active", "ACTIVE"), keyRow("next", "NEXT"), keyRow("old", "EXPIRED", at(60_000))]);
    const active = await findVerificationKey(db, SECRETS, "default", 1, "active", T0);
    expect(active?.asymmetricKeyType).toBe("rsa");
    expect(await findVerificationKey(db, SECRETS, "default", 1, "next", at(10))).not.toBeNull();
    expect(await findVerificationKey(db, SECRETS, "default", 1, "old", at(20))).not.toBeNull();
    expect(await findVerificationKey(db, SECRETS, "default", 1, "active", at(30))).toBe(active);
    expect(state.reads).toBe(1);
  });

  it("reloads when the server's configVersion moves", async () => {
    const { db, state } = fakeDb([keyRow("a", "ACTIVE")]);
    await findVerificationKey(db, SECRETS, "default", 1, "a", T0);
    state.rows = [keyRow("b", "ACTIVE")];
    expect(await findVerificationKey(db, SECRETS, "default", 2, "b", at(1))).not.toBeNull();
    expect(await findVerificationKey(db, SECRETS, "default", 2, "a", at(2))).toBeNull();
    expect(state.reads).toBe(2);
  });

  it("reloads for an unknown kid at most once per UNKNOWN_KID_RELOAD_MS", async () => {
    const { db, state } = fakeDb([keyRow("a", "ACTIVE")]);
    await findVerificationKey(db, SECRETS, "default", 1, "a", T0);
    expect(await findVerificationKey(db, SECRETS, "default", 1, "forged", at(UNKNOWN_KID_RELOAD_MS - 1))).toBeNull();
    expect(state.reads).toBe(1);
    state.rows = [keyRow("a", "ACTIVE"), keyRow("fresh", "NEXT")];
    expect(await findVerificationKey(db, SECRETS, "default", 1, "fresh", at(UNKNOWN_KID_RELOAD_MS))).not.toBeNull();
    expect(state.reads).toBe(2);
    expect(await findVerificationKey(db, SECRETS, "default", 1, "forged", at(UNKNOWN_KID_RELOAD_MS + 10))).toBeNull();
    expect(state.reads).toBe(2);
  });

  it("reloads after MAX_KEY_SET_AGE_MS and when the clock moved backwards", async () => {
    const { db, state } = fakeDb([keyRow("a", "ACTIVE")]);
    await findVerificationKey(db, SECRETS, "default", 1, "a", at(5000));
    await findVerificationKey(db, SECRETS, "default", 1, "a", at(5000 + MAX_KEY_SET_AGE_MS - 1));
    expect(state.reads).toBe(1);
    await findVerificationKey(db, SECRETS, "default", 1, "a", at(5000 + MAX_KEY_SET_AGE_MS));
    expect(state.reads).toBe(2);
    await findVerificationKey(db, SECRETS, "default", 1, "a", at(0));
    expect(state.reads).toBe(3);
  });

  it("stops returning an EXPIRED key once its publishUntil has passed", async () => {
    const { db } = fakeDb([keyRow("old", "EXPIRED", at(1000))]);
    expect(await findVerificationKey(db, SECRETS, "default", 1, "old", at(999))).not.toBeNull();
    expect(await findVerificationKey(db, SECRETS, "default", 1, "old", at(1000))).toBeNull();
  });

  it("keeps servers apart and shares one load between concurrent callers", async () => {
    const { db, state } = fakeDb([keyRow("a", "ACTIVE")]);
    const found = await Promise.all([1, 2, 3].map(() => findVerificationKey(db, SECRETS, "default", 1, "a", T0)));
    expect(found.every((key) => key !== null && key === found[0])).toBe(true);
    expect(state.reads).toBe(1);
    await findVerificationKey(db, SECRETS, "aus0other", 1, "a", T0);
    expect(state.reads).toBe(2);
  });

  it("answers null for a server that does not exist", async () => {
    const db = { authorizationServer: { findUnique: async () => null } } as unknown as Db;
    expect(await findVerificationKey(db, SECRETS, "nope", 0, "a", T0)).toBeNull();
  });
});
