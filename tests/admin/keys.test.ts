import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveKey } from "@/lib/crypto/derive-key";
import { rotateDueKeys } from "@/lib/keys/rotate-due-keys";
import { APP_SECRET, createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { readLogEvents } from "../support/read-log-events";

const DAY_MS = 86_400_000;
const secretsKey = deriveKey(APP_SECRET, "secrets-at-rest");

type KeyJson = { status: string; kid: string; n: string; e: string };

describe.each(testProviders())("authorization server keys API on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  const base = (id: string) => `/api/v1/authorizationServers/${id}`;
  const createServer = async (name: string, rotationMode?: "AUTO" | "MANUAL") => {
    const res = await f.api("POST", "/api/v1/authorizationServers", {
      name,
      audiences: [`api://${name.toLowerCase().replace(/\W+/g, "-")}`],
      ...(rotationMode ? { credentials: { signing: { rotationMode } } } : {}),
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const listKeys = async (id: string): Promise<KeyJson[]> => {
    const res = await f.api("GET", `${base(id)}/credentials/keys`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const rotate = (id: string, body: unknown = { use: "sig" }) => f.api("POST", `${base(id)}/credentials/lifecycle/keyRotate`, body);
  const keyRows = (id: string) => f.db.signingKey.findMany({ where: { authServerId: id } });
  const rowOf = async (id: string, status: string) => {
    const rows = (await keyRows(id)).filter((row) => row.status === status);
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };
  const expectedKey = (id: string, row: { kid: string; publicJwk: unknown }, status: string) => {
    const jwk = row.publicJwk as { n: string; e: string };
    return {
      status,
      alg: "RS256",
      e: jwk.e,
      n: jwk.n,
      kid: row.kid,
      kty: "RSA",
      use: "sig",
      _links: { self: { href: `${ORG_URL}${base(id)}/credentials/keys/${row.kid}`, hints: { allow: ["GET"] } } },
    };
  };

  it("lists the ACTIVE then the NEXT key as Okta's key objects", async () => {
    const id = await createServer("Key list");
    const active = await rowOf(id, "ACTIVE");
    const next = await rowOf(id, "NEXT");
    const res = await f.api("GET", `${base(id)}/credentials/keys`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.body).toEqual([expectedKey(id, active, "ACTIVE"), expectedKey(id, next, "NEXT")]);
    expect((res.body as KeyJson[]).every((key) => key.e === "AQAB" && /^[A-Za-z0-9_-]{342}$/.test(key.n))).toBe(true);
  });

  it("gets one key by kid; 404s an unknown kid, another server's kid and an unknown server", async () => {
    const id = await createServer("Key get");
    const other = await createServer("Key get other");
    const next = await rowOf(id, "NEXT");
    const res = await f.api("GET", `${base(id)}/credentials/keys/${next.kid}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expectedKey(id, next, "NEXT"));

    const unknown = await f.api("GET", `${base(id)}/credentials/keys/noSuchKid`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ errorCode: "E0000007", errorSummary: "Not found: Resource not found: noSuchKid (JsonWebKey)", errorCauses: [] });
    const otherKid = (await rowOf(other, "ACTIVE")).kid;
    const foreign = await f.api("GET", `${base(id)}/credentials/keys/${otherKid}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.errorCode).toBe("E0000007");

    for (const path of ["/credentials/keys", `/credentials/keys/${next.kid}`]) {
      const missing = await f.api("GET", `${base("ausNoSuchServer00000")}${path}`);
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ errorCode: "E0000007", errorSummary: "Not found: Resource not found: ausNoSuchServer00000 (AuthorizationServer)" });
    }
    const wrongMethod = await f.api("POST", `${base(id)}/credentials/keys`, {});
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET");
  });

  it("rotates: ACTIVE -> EXPIRED, NEXT -> ACTIVE, a new NEXT, and the server signs with the new ACTIVE key", async () => {
    const id = await createServer("Rotate");
    const oldActive = await rowOf(id, "ACTIVE");
    const oldNext = await rowOf(id, "NEXT");
    const versionBefore = (await f.db.authorizationServer.findUniqueOrThrow({ where: { id } })).configVersion;
    f.clock.advance(3_600_000);
    const now = f.clock.now;

    const res = await rotate(id);
    expect(res.status).toBe(200);
    const newNext = await rowOf(id, "NEXT");
    expect([oldActive.kid, oldNext.kid]).not.toContain(newNext.kid);
    const promoted = await rowOf(id, "ACTIVE");
    const expired = await rowOf(id, "EXPIRED");
    expect(promoted.kid).toBe(oldNext.kid);
    expect(expired.kid).toBe(oldActive.kid);
    expect(res.body).toEqual([expectedKey(id, promoted, "ACTIVE"), expectedKey(id, newNext, "NEXT"), expectedKey(id, expired, "EXPIRED")]);
    expect(await listKeys(id)).toEqual(res.body);

    expect(promoted.activated).toEqual(now);
    expect(expired.expired).toEqual(now);
    expect(expired.publishUntil).toEqual(new Date(now.getTime() + DAY_MS));
    expect(newNext.created).toEqual(now);
    expect(newNext.activated).toBeNull();

    const server = await f.api("GET", base(id));
    expect(server.body.credentials.signing).toEqual({
      rotationMode: "AUTO",
      lastRotated: now.toISOString(),
      nextRotation: new Date(now.getTime() + 90 * DAY_MS).toISOString(),
      kid: oldNext.kid,
      use: "sig",
    });
    expect(server.body.lastUpdated).toBe(now.toISOString());
    expect((await f.db.authorizationServer.findUniqueOrThrow({ where: { id } })).configVersion).toBeGreaterThan(versionBefore);

    const events = await readLogEvents(f.db, { where: { eventType: "app.oauth2.as.key.rollover" } });
    const event = events.find((e) => (e.target as Array<{ id: string }>)[0]?.id === id);
    expect(event).toBeDefined();
    expect(event!.outcomeResult).toBe("SUCCESS");
    expect(event!.actor).toMatchObject({ type: "User", alternateId: "admin@idp.test" });
    expect(event!.target).toEqual([{ id, type: "AuthorizationServer", displayName: "Rotate" }]);
  });

  it.each([
    ["no body", undefined],
    ["an empty object", {}],
    ["use sig", { use: "sig" }],
  ])("rotates with %s", async (_, body) => {
    const id = await createServer("Rotate body");
    const oldNext = await rowOf(id, "NEXT");
    const res = body === undefined ? await f.api("POST", `${base(id)}/credentials/lifecycle/keyRotate`) : await rotate(id, body);
    expect(res.status).toBe(200);
    expect(res.body[0]).toMatchObject({ status: "ACTIVE", kid: oldNext.kid });
    expect(res.body.map((key: KeyJson) => key.status)).toEqual(["ACTIVE", "NEXT", "EXPIRED"]);
  });

  it.each([
    ["use enc", { use: "enc" }],
    ["use SIG", { use: "SIG" }],
    ["use as a number", { use: 1 }],
    ["use null", { use: null }],
    ["use as an array", { use: ["sig"] }],
    ["a body that is an array", ["sig"]],
    ["a body that is a string", "sig"],
  ])("rejects %s with the spec's E0000001 and rotates nothing", async (_, body) => {
    const id = await createServer("Rotate invalid");
    const before = await keyRows(id);
    const res = await rotate(id, body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errorCode: "E0000001",
      errorSummary: "Api validation failed: rotateKeys",
      errorLink: "E0000001",
      errorId: expect.stringMatching(/^oae[0-9A-Za-z]{22}$/),
      errorCauses: [{ errorSummary: "Invalid value specified for key 'use' parameter." }],
    });
    expect(await keyRows(id)).toEqual(before);
  });

  it("answers 404 E0000007 for rotating an unknown server, and 415 for a non-JSON body", async () => {
    const missing = await rotate("ausNoSuchServer00000");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ errorCode: "E0000007", errorSummary: "Not found: Resource not found: ausNoSuchServer00000 (AuthorizationServer)" });
    const id = await createServer("Rotate form");
    const form = await f.api("POST", `${base(id)}/credentials/lifecycle/keyRotate`, undefined, { rawBody: "use=sig", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    expect((await keyRows(id)).map((row) => row.status).sort()).toEqual(["ACTIVE", "NEXT"]);
    const get = await f.api("GET", `${base(id)}/credentials/lifecycle/keyRotate`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });

  it("rotates in MANUAL mode on request, and never by itself", async () => {
    const id = await createServer("Manual", "MANUAL");
    const oldActive = await rowOf(id, "ACTIVE");
    const oldNext = await rowOf(id, "NEXT");
    f.clock.advance(200 * DAY_MS);
    expect((await listKeys(id)).map((key) => [key.status, key.kid])).toEqual([
      ["ACTIVE", oldActive.kid],
      ["NEXT", oldNext.kid],
    ]);
    expect(await rotateDueKeys(f.db, id, secretsKey, f.clock.now)).toBe(false);

    const res = await rotate(id);
    expect(res.status).toBe(200);
    expect(res.body.map((key: KeyJson) => [key.status, key.kid]).slice(0, 1)).toEqual([["ACTIVE", oldNext.kid]]);
    const server = await f.api("GET", base(id));
    expect(server.body.credentials.signing).toEqual({ rotationMode: "MANUAL", lastRotated: f.clock.now.toISOString(), kid: oldNext.kid, use: "sig" });
    expect((await f.db.authorizationServer.findUniqueOrThrow({ where: { id } })).nextRotation).toBeNull();
  });

  it("keeps an EXPIRED key published until publishUntil, then stops listing it and deletes it at the next rotation", async () => {
    const id = await createServer("Publish window");
    const oldActive = await rowOf(id, "ACTIVE");
    await rotate(id);
    f.clock.advance(DAY_MS - 1);
    expect((await listKeys(id)).map((key) => key.kid)).toContain(oldActive.kid);
    expect((await f.api("GET", `${base(id)}/credentials/keys/${oldActive.kid}`)).status).toBe(200);

    f.clock.advance(1);
    expect((await listKeys(id)).map((key) => key.status)).toEqual(["ACTIVE", "NEXT"]);
    expect((await f.api("GET", `${base(id)}/credentials/keys/${oldActive.kid}`)).status).toBe(404);
    expect(await f.db.signingKey.count({ where: { kid: oldActive.kid } })).toBe(1);

    const second = await rotate(id);
    expect(second.body.map((key: KeyJson) => key.status)).toEqual(["ACTIVE", "NEXT", "EXPIRED"]);
    expect(await f.db.signingKey.count({ where: { kid: oldActive.kid } })).toBe(0);
    expect(await f.db.signingKey.count({ where: { authServerId: id } })).toBe(3);
  });

  it("lists every EXPIRED key still needed, the most recently expired first", async () => {
    const id = await createServer("Two expired");
    const first = await rowOf(id, "ACTIVE");
    await rotate(id);
    f.clock.advance(60_000);
    const second = await rowOf(id, "ACTIVE");
    const res = await rotate(id);
    expect(res.body.map((key: KeyJson) => [key.status, key.kid]).slice(2)).toEqual([
      ["EXPIRED", second.kid],
      ["EXPIRED", first.kid],
    ]);
  });

  it("rotates an AUTO server on the first read once nextRotation has passed, once", async () => {
    const id = await createServer("Auto");
    const oldActive = await rowOf(id, "ACTIVE");
    const oldNext = await rowOf(id, "NEXT");
    f.clock.advance(90 * DAY_MS - 1);
    expect((await listKeys(id))[0]!.kid).toBe(oldActive.kid);

    f.clock.advance(1);
    const now = f.clock.now;
    const keys = await listKeys(id);
    expect(keys.map((key) => [key.status, key.kid]).filter(([status]) => status !== "NEXT")).toEqual([
      ["ACTIVE", oldNext.kid],
      ["EXPIRED", oldActive.kid],
    ]);
    const newNext = keys.find((key) => key.status === "NEXT")!.kid;
    expect(await listKeys(id)).toEqual(keys);
    expect(await f.db.signingKey.count({ where: { authServerId: id } })).toBe(3);

    const server = await f.api("GET", base(id));
    expect(server.body.credentials.signing).toEqual({
      rotationMode: "AUTO",
      lastRotated: now.toISOString(),
      nextRotation: new Date(now.getTime() + 90 * DAY_MS).toISOString(),
      kid: oldNext.kid,
      use: "sig",
    });
    const events = await readLogEvents(f.db, { where: { eventType: "app.oauth2.as.key.rollover", actorId: "system" } });
    const mine = events.filter((e) => (e.target as Array<{ id: string }>)[0]?.id === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.published).toEqual(now);

    const single = await f.api("GET", `${base(id)}/credentials/keys/${newNext}`);
    expect(single.body.status).toBe("NEXT");
  });
});
