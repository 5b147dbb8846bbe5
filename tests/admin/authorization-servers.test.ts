import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { readLogEvent } from "../support/read-log-events";
import { insertRefreshToken } from "../support/insert-refresh-token";
import { setUserRoles } from "../support/admin-roles";

describe.each(testProviders())("authorization servers API on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  const create = (body: unknown) => f.api("POST", "/api/v1/authorizationServers", body);

  it("creates a server (201) with AUTO rotation, ACTIVE + NEXT keys, system scopes and claims", async () => {
    const res = await create({ name: "Sample", description: "Sample description", audiences: ["https://api.example.com"] });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json");
    const id = res.body.id as string;
    expect(id).toMatch(/^aus[0-9A-Za-z]{17}$/);
    const keys = await f.db.signingKey.findMany({ where: { authServerId: id }, orderBy: { status: "asc" } });
    expect(keys.map((k) => k.status)).toEqual(["ACTIVE", "NEXT"]);
    expect(res.body).toEqual({
      id,
      name: "Sample",
      description: "Sample description",
      audiences: ["https://api.example.com"],
      issuer: `${ORG_URL}/oauth2/${id}`,
      issuerMode: "ORG_URL",
      status: "ACTIVE",
      created: "2026-01-15T10:00:00.000Z",
      lastUpdated: "2026-01-15T10:00:00.000Z",
      credentials: {
        signing: { rotationMode: "AUTO", lastRotated: "2026-01-15T10:00:00.000Z", nextRotation: "2026-04-15T10:00:00.000Z", kid: keys[0]!.kid, use: "sig" },
      },
      _links: {
        scopes: { href: `${ORG_URL}/api/v1/authorizationServers/${id}/scopes`, hints: { allow: ["GET"] } },
        claims: { href: `${ORG_URL}/api/v1/authorizationServers/${id}/claims`, hints: { allow: ["GET"] } },
        policies: { href: `${ORG_URL}/api/v1/authorizationServers/${id}/policies`, hints: { allow: ["GET"] } },
        self: { href: `${ORG_URL}/api/v1/authorizationServers/${id}`, hints: { allow: ["GET", "DELETE", "PUT"] } },
        metadata: [
          { name: "oauth-authorization-server", href: `${ORG_URL}/oauth2/${id}/.well-known/oauth-authorization-server`, hints: { allow: ["GET"] } },
          { name: "openid-configuration", href: `${ORG_URL}/oauth2/${id}/.well-known/openid-configuration`, hints: { allow: ["GET"] } },
        ],
        rotateKey: { href: `${ORG_URL}/api/v1/authorizationServers/${id}/credentials/lifecycle/keyRotate`, hints: { allow: ["POST"] } },
        deactivate: { href: `${ORG_URL}/api/v1/authorizationServers/${id}/lifecycle/deactivate`, hints: { allow: ["POST"] } },
      },
    });
    expect(await f.db.scope.count({ where: { authServerId: id, system: true } })).toBe(6);
    expect(await f.db.claim.count({ where: { authServerId: id, system: true } })).toBe(20);
    expect(await f.db.policy.count({ where: { authServerId: id } })).toBe(0);
    const event = await readLogEvent(f.db, { where: { eventType: "oauth2.as.created" } });
    expect(event.outcomeResult).toBe("SUCCESS");
    expect(event.target).toEqual([{ id, type: "AuthorizationServer", displayName: "Sample" }]);
  });

  it.each([
    [{ description: "no name", audiences: ["api://x"] }, "name", "name: The field cannot be left blank."],
    [{ name: "  ", audiences: ["api://x"] }, "name", "name: The field cannot be left blank."],
    [{ name: "No audience" }, "audiences", "audiences: The field cannot be left blank; give one audience, e.g. [\"api://default\"]."],
    [{ name: "Empty audiences", audiences: [] }, "audiences", "audiences: The field cannot be left blank; give one audience."],
    [{ name: "Two", audiences: ["api://a", "api://b"] }, "audiences", "audiences: Only one audience is supported."],
    [{ name: "Bad URI", audiences: ["not a:uri"] }, "audiences.0", "audiences.0: An audience that contains ':' must be a valid URI."],
    [{ name: "Wrong type", audiences: "api://x" }, "audiences", "audiences: The field cannot be left blank; give one audience, e.g. [\"api://default\"]."],
    [{ name: 42, audiences: ["api://x"] }, "name", "name: The field cannot be left blank."],
    [{ name: "Mode", audiences: ["api://x"], credentials: { signing: { rotationMode: "SOMETIMES" } } }, "credentials.signing.rotationMode", "credentials.signing.rotationMode: rotationMode must be AUTO or MANUAL."],
    [{ name: "Issuer", audiences: ["api://x"], issuerMode: "CUSTOM_URL" }, "issuerMode", "issuerMode: Only ORG_URL is supported."],
  ])("rejects %j with E0000001 on %s and changes nothing", async (body, field, cause) => {
    const before = await f.db.authorizationServer.count();
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errorCode: "E0000001", errorSummary: `Api validation failed: ${field}`, errorLink: "E0000001" });
    expect(res.body.errorCauses).toContainEqual({ errorSummary: cause });
    expect(res.body.errorId).toMatch(/^oae[0-9A-Za-z]{22}$/);
    expect(await f.db.authorizationServer.count()).toBe(before);
  });

  it("accepts an audience without ':' as a plain string", async () => {
    const res = await create({ name: "Plain", audiences: ["my-api"] });
    expect(res.status).toBe(201);
    expect(res.body.audiences).toEqual(["my-api"]);
  });

  it("gets a server, and 404s an unknown one with E0000007", async () => {
    const res = await f.api("GET", "/api/v1/authorizationServers/default");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: "default", name: "default", audiences: ["api://default"], issuer: `${ORG_URL}/oauth2/default` });
    const missing = await f.api("GET", "/api/v1/authorizationServers/ausNoSuchServer00000");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      errorCode: "E0000007",
      errorSummary: "Not found: Resource not found: ausNoSuchServer00000 (AuthorizationServer)",
      errorCauses: [],
    });
  });

  it("replaces a server (PUT); switching rotation mode keeps the active key", async () => {
    const created = await create({ name: "To replace", audiences: ["api://one"] });
    const id = created.body.id as string;
    const kid = created.body.credentials.signing.kid as string;
    f.clock.advance(60_000);
    const res = await f.api("PUT", `/api/v1/authorizationServers/${id}`, {
      ...created.body,
      name: "Replaced",
      description: "New description",
      audiences: ["api://two"],
      credentials: { signing: { rotationMode: "MANUAL" } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Replaced", description: "New description", audiences: ["api://two"], lastUpdated: "2026-01-15T10:01:00.000Z" });
    expect(res.body.credentials.signing).toEqual({ rotationMode: "MANUAL", lastRotated: "2026-01-15T10:00:00.000Z", kid, use: "sig" });
    const back = await f.api("PUT", `/api/v1/authorizationServers/${id}`, { name: "Replaced", audiences: ["api://two"], credentials: { signing: { rotationMode: "AUTO" } } });
    expect(back.body.credentials.signing).toEqual({ rotationMode: "AUTO", lastRotated: "2026-01-15T10:00:00.000Z", nextRotation: "2026-04-15T10:00:00.000Z", kid, use: "sig" });
    const invalid = await f.api("PUT", `/api/v1/authorizationServers/${id}`, { name: "x" });
    expect(invalid.status).toBe(400);
    expect((await f.db.authorizationServer.findUniqueOrThrow({ where: { id } })).name).toBe("Replaced");
  });

  it("deactivates and activates with bare 204s", async () => {
    const id = (await create({ name: "Lifecycle", audiences: ["api://life"] })).body.id as string;
    const off = await f.api("POST", `/api/v1/authorizationServers/${id}/lifecycle/deactivate`);
    expect(off.status).toBe(204);
    expect(off.text).toBe("");
    expect(off.headers.get("content-type")).toBeNull();
    const inactive = await f.api("GET", `/api/v1/authorizationServers/${id}`);
    expect(inactive.body.status).toBe("INACTIVE");
    expect(inactive.body._links.activate.href).toBe(`${ORG_URL}/api/v1/authorizationServers/${id}/lifecycle/activate`);
    expect(inactive.body._links.deactivate).toBeUndefined();
    expect((await f.api("POST", `/api/v1/authorizationServers/${id}/lifecycle/activate`)).status).toBe(204);
    expect((await f.api("GET", `/api/v1/authorizationServers/${id}`)).body.status).toBe("ACTIVE");
    expect((await f.api("POST", "/api/v1/authorizationServers/ausNoSuchServer00000/lifecycle/activate")).status).toBe(404);
  });

  it("deletes a server (204) with everything under it and what it issued; the default server is protected", async () => {
    const id = (await create({ name: "Doomed", audiences: ["api://doomed"] })).body.id as string;
    const admin = await f.db.user.findFirstOrThrow();
    await insertRefreshToken(f.db, { id: "oarDoomedToken000000", tokenHash: "h".repeat(64), familyId: "fam", authServerId: id, clientId: "0oaClient", userId: admin.id, scopes: ["openid"], status: "ACTIVE", decision: {}, windowEndsAt: f.clock.now });
    const res = await f.api("DELETE", `/api/v1/authorizationServers/${id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect(await f.db.authorizationServer.count({ where: { id } })).toBe(0);
    expect(await f.db.signingKey.count({ where: { authServerId: id } })).toBe(0);
    expect(await f.db.scope.count({ where: { authServerId: id } })).toBe(0);
    expect(await f.db.refreshToken.count({ where: { family: { authServerId: id } } })).toBe(0);
    expect((await f.api("DELETE", `/api/v1/authorizationServers/${id}`)).status).toBe(404);
    const protectedDefault = await f.api("DELETE", "/api/v1/authorizationServers/default");
    expect(protectedDefault.status).toBe(400);
    expect(protectedDefault.body.errorCauses).toEqual([{ errorSummary: "The default authorization server cannot be deleted; deactivate it instead." }]);
  });

  it("lists with q, limit and an absolute Link rel=next until the end", async () => {
    for (const name of ["Paged A", "Paged B", "Paged C"]) await create({ name, audiences: [`api://${name.replace(" ", "-")}`] });
    const seen: string[] = [];
    let path: string | null = "/api/v1/authorizationServers?q=paged&limit=2";
    let pages = 0;
    while (path) {
      const res = await f.api("GET", path);
      expect(res.status).toBe(200);
      pages += 1;
      seen.push(...res.body.map((s: { name: string }) => s.name));
      const link = res.headers.get("link")!;
      expect(link).toContain(`<${ORG_URL}${path}>; rel="self"`);
      const next = /<([^>]+)>; rel="next"/.exec(link)?.[1];
      if (next) expect(next.startsWith(`${ORG_URL}/api/v1/authorizationServers?q=paged&limit=2&after=`)).toBe(true);
      path = next ? next.slice(ORG_URL.length) : null;
    }
    expect(pages).toBe(2);
    expect(seen.sort()).toEqual(["Paged A", "Paged B", "Paged C"]);
    const byAudience = await f.api("GET", "/api/v1/authorizationServers?q=api://default");
    expect(byAudience.body.map((s: { id: string }) => s.id)).toEqual(["default"]);
    const badLimit = await f.api("GET", "/api/v1/authorizationServers?limit=abc");
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.errorSummary).toBe("Api validation failed: limit");
  });
});

describe.each(testProviders())("management API conventions on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  it.each([
    ["no Authorization header", null],
    ["an unknown token", "00unknownTokenValue_0123456789abcdefgh"],
    ["a malformed token", "short"],
  ])("answers 401 E0000011 for %s", async (_, token) => {
    const res = await f.api("GET", "/api/v1/authorizationServers", undefined, { token });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ errorCode: "E0000011", errorSummary: "Invalid token provided", errorCauses: [] });
  });

  it("answers 401 for a Bearer header and for a revoked token", async () => {
    const res = await f.api("GET", "/api/v1/authorizationServers", undefined, { token: null, headers: { Authorization: "Bearer 00adminFixtureToken_0123456789abcdefghij" } });
    expect(res.status).toBe(401);
    const token = await f.db.apiToken.findFirstOrThrow();
    await f.db.apiToken.update({ where: { id: token.id }, data: { status: "REVOKED" } });
    expect((await f.api("GET", "/api/v1/authorizationServers")).status).toBe(401);
    await f.db.apiToken.update({ where: { id: token.id }, data: { status: "ACTIVE" } });
  });

  it("answers 403 E0000006 when the token's owner is not an admin, and records last use", async () => {
    expect((await f.api("GET", "/api/v1/authorizationServers/default")).status).toBe(200);
    expect((await f.db.apiToken.findFirstOrThrow()).lastUsed).toEqual(f.clock.now);
    const admin = await f.db.user.findFirstOrThrow();
    await setUserRoles(f.db, admin.id, []);
    const res = await f.api("GET", "/api/v1/authorizationServers");
    expect(res.status).toBe(403);
    expect(res.body.errorCode).toBe("E0000006");
    await setUserRoles(f.db, admin.id, ["SUPER_ADMIN"]);
  });

  it("sends rate-limit headers and answers 429 E0000047 past the limit", async () => {
    const ok = await f.api("GET", "/api/v1/authorizationServers/default");
    expect(ok.headers.get("x-rate-limit-limit")).toBe("1200");
    expect(Number(ok.headers.get("x-rate-limit-remaining"))).toBeLessThan(1200);
    expect(ok.headers.get("x-rate-limit-reset")).toBe(String(Math.ceil(Date.parse("2026-01-15T10:01:00.000Z") / 1000)));
    const token = await f.db.apiToken.findFirstOrThrow();
    const windowStart = Date.parse("2026-01-15T10:00:00.000Z");
    await f.db.rateLimitBucket.update({ where: { key: `api:${token.id}@${windowStart}` }, data: { count: 1200 } });
    const limited = await f.api("GET", "/api/v1/authorizationServers/default");
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ errorCode: "E0000047" });
    expect(limited.headers.get("x-rate-limit-remaining")).toBe("0");
    f.clock.advance(60_000);
    expect((await f.api("GET", "/api/v1/authorizationServers/default")).status).toBe(200);
  });

  it("answers 415 for a non-JSON body and 400 for malformed or oversized JSON, changing nothing", async () => {
    const before = await f.db.authorizationServer.count();
    const form = await f.api("POST", "/api/v1/authorizationServers", undefined, { rawBody: "name=x", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    expect(form.body.errorCode).toBe("E0000021");
    const broken = await f.api("POST", "/api/v1/authorizationServers", undefined, { rawBody: "{\"name\": ", headers: { "Content-Type": "application/json" } });
    expect(broken.status).toBe(400);
    expect(broken.body.errorCode).toBe("E0000003");
    const empty = await f.api("POST", "/api/v1/authorizationServers", undefined, { rawBody: "", headers: { "Content-Type": "application/json" } });
    expect(empty.status).toBe(400);
    const huge = await f.api("POST", "/api/v1/authorizationServers", { name: "x".repeat(300_000), audiences: ["api://x"] });
    expect(huge.status).toBe(400);
    expect(huge.body.errorCauses).toEqual([{ errorSummary: "The request body is larger than 262144 bytes." }]);
    const notObject = await f.api("POST", "/api/v1/authorizationServers", [1, 2]);
    expect(notObject.status).toBe(400);
    expect(await f.db.authorizationServer.count()).toBe(before);
  });

  it("answers 405 E0000022 with Allow for an unsupported method", async () => {
    const res = await f.api("PATCH", "/api/v1/authorizationServers/default", {});
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, PUT, DELETE");
    expect(res.body.errorCode).toBe("E0000022");
  });

  it("answers 500 with a generic body when something unexpected fails, logging the cause", async () => {
    const original = f.db.authorizationServer.findUnique;
    (f.db.authorizationServer as { findUnique: unknown }).findUnique = () => Promise.reject(new Error("disk on fire"));
    try {
      const res = await f.api("GET", "/api/v1/authorizationServers/default");
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ errorCode: "E0000009", errorSummary: "Internal Server Error", errorCauses: [] });
      expect(res.text).not.toContain("disk on fire");
    } finally {
      (f.db.authorizationServer as { findUnique: unknown }).findUnique = original;
    }
  });
});
