import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAppContext, setAppContext } from "@/lib/app-context";
import { testProviders } from "../support/test-databases";
import { createTokenFixture, type TestApp, type TokenFixture } from "../oauth/token-fixture";
import { callApp } from "./support/call-app";
import { switchableOutage, type SwitchableOutage } from "./support/switchable-outage";

const UNAVAILABLE = { error: "temporarily_unavailable", error_description: "The service is temporarily unavailable. Try again later." };

const call = callApp;

describe.each(testProviders())("while the database is unreachable, on %s", (provider) => {
  let t: TokenFixture;
  let outage: SwitchableOutage;
  let service: TestApp;
  let tokenBefore: string;
  const documents: Record<string, unknown> = {};
  const clientCredentials = (secret?: string) => call("POST", "/oauth2/default/v1/token", { form: { grant_type: "client_credentials" }, basic: [service.clientId, secret ?? service.clientSecret!] });

  beforeAll(async () => {
    t = await createTokenFixture(provider);
    await t.scope("orders:read", { isDefault: true });
    service = await t.app("Billing Service", { application_type: "service" });
    outage = await switchableOutage(t.f.db);
    setAppContext({ ...getAppContext(), db: outage.db });
    // Warm: this instance has served discovery and JWKS and authenticated the client once.
    for (const path of ["/oauth2/default/.well-known/openid-configuration", "/oauth2/default/v1/keys"]) {
      const res = await call("GET", path);
      expect(res.status).toBe(200);
      documents[path] = res.body;
    }
    const res = await clientCredentials();
    expect(res.status).toBe(200);
    tokenBefore = res.body.access_token;
  });
  afterAll(async () => {
    outage.down = false;
    await outage.close();
    await t.f.close();
  });

  it("serves discovery, JWKS and client_credentials for a cached client from memory", async () => {
    outage.down = true;
    t.f.clock.advance(5_000); // every version check is due, and fails
    for (const path of Object.keys(documents)) {
      const res = await call("GET", path);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(documents[path]);
    }
    const res = await clientCredentials();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: "Bearer", scope: "orders:read" });
    expect((await t.verify(res.body.access_token)).payload.cid).toBe(service.clientId);
  });

  it("fails closed for everything that reads token state or unknown data: 503 temporarily_unavailable with Retry-After", async () => {
    outage.down = true;
    const introspect = await call("POST", "/oauth2/default/v1/introspect", { form: { token: tokenBefore }, basic: [service.clientId, service.clientSecret!] });
    const revoke = await call("POST", "/oauth2/default/v1/revoke", { form: { token: tokenBefore }, basic: [service.clientId, service.clientSecret!] });
    // a secret the cached client does not know needs a fresh read
    const unknownSecret = await clientCredentials("not-the-secret");
    const unknownServer = await call("GET", "/oauth2/aus0000000000000000x/.well-known/openid-configuration");
    for (const res of [introspect, revoke, unknownSecret, unknownServer]) {
      expect(res.status).toBe(503);
      expect(res.body).toEqual(UNAVAILABLE);
      expect(res.headers.get("retry-after")).toBe("5");
    }
    expect(introspect.headers.get("cache-control")).toBe("no-store");
  });

  it("answers the admin API and the end-user API with 503 E0000009 and Retry-After", async () => {
    outage.down = true;
    const admin = await t.f.api("GET", "/api/v1/users");
    const authn = await call("POST", "/api/v1/authn", { json: { username: "admin@idp.test", password: "fixture-admin-password" } });
    for (const res of [admin, authn]) {
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(res.body).toEqual({
        errorCode: "E0000009",
        errorSummary: "Service Unavailable: the server could not reach its database. Try again later.",
        errorLink: "E0000009",
        errorId: expect.stringMatching(/^oae[A-Za-z0-9]{22}$/),
        errorCauses: [],
      });
    }
  });

  it("shows the hosted 'try again' page with 503 for /authorize", async () => {
    outage.down = true;
    const query = new URLSearchParams({ client_id: service.clientId, response_type: "code", scope: "openid", redirect_uri: "https://app.example.com/cb", state: "s" });
    const res = await call("GET", `/oauth2/default/v1/authorize?${query}`);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.text).toContain("<title>Service temporarily unavailable · ");
  });

  it("stops serving from the cache once its last successful check is CACHE_MAX_STALE_SECONDS (60 s) old", async () => {
    outage.down = true;
    t.f.clock.advance(54_999); // 59.999 s after the last successful check
    expect((await call("GET", "/oauth2/default/v1/keys")).status).toBe(200);
    t.f.clock.advance(1);
    const keys = await call("GET", "/oauth2/default/v1/keys");
    const token = await clientCredentials();
    for (const res of [keys, token]) {
      expect(res.status).toBe(503);
      expect(res.body).toEqual(UNAVAILABLE);
    }
  });

  it("recovers as soon as the database answers again, with no restart", async () => {
    outage.down = false;
    expect((await call("GET", "/oauth2/default/v1/keys")).status).toBe(200);
    expect((await clientCredentials()).status).toBe(200);
    const introspect = await call("POST", "/oauth2/default/v1/introspect", { form: { token: tokenBefore }, basic: [service.clientId, service.clientSecret!] });
    expect(introspect.status).toBe(200);
    expect(introspect.body.active).toBe(true);
  });
});
