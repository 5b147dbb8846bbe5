import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, DefaultRequestExecutor } from "@okta/okta-sdk-nodejs";
import { generateTotpCode } from "@/lib/factors/generate-totp-code";
import { ADMIN_TOKEN, createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { testProviders } from "../support/test-databases";

/** okta-sdk-nodejs's requests, answered by the real route handlers (no socket). */
class RouteExecutor extends DefaultRequestExecutor {
  override fetch(request: { url: string; method?: string; headers?: Record<string, string>; body?: string }) {
    return callRoute(new Request(request.url, { method: request.method, headers: request.headers, body: request.body })) as never;
  }
}

describe.each(testProviders())("okta-sdk-nodejs UserFactorApi on %s", (provider) => {
  let f: AdminFixture;
  let client: Client;
  let userId: string;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    client = new Client({ orgUrl: ORG_URL, token: ADMIN_TOKEN, requestExecutor: new RouteExecutor() });
    const res = await f.api("POST", "/api/v1/users?activate=true", { profile: { firstName: "Dade", lastName: "Murphy", email: "dade@example.com", login: "dade@example.com" } });
    userId = res.body.id;
  });
  afterAll(() => f.close());

  it("enrolls, activates and lists a Google Authenticator factor", async () => {
    const catalog = [];
    for await (const supported of await client.userFactorApi.listSupportedFactors({ userId })) catalog.push(supported);
    expect(catalog.map((factor) => `${factor?.factorType} ${factor?.provider}`)).toEqual(["token:software:totp OKTA", "token:software:totp GOOGLE", "webauthn FIDO"]);

    const enrolled = await client.userFactorApi.enrollFactor({ userId, body: { factorType: "token:software:totp", provider: "GOOGLE" } });
    expect(enrolled.status).toBe("PENDING_ACTIVATION");
    const secret = (enrolled._embedded as { activation: { sharedSecret: string } }).activation.sharedSecret;
    const activated = await client.userFactorApi.activateFactor({ userId, factorId: enrolled.id!, body: { passCode: await generateTotpCode(secret, f.clock.now) } });
    expect(activated).toMatchObject({ id: enrolled.id, status: "ACTIVE", factorType: "token:software:totp", provider: "GOOGLE" });

    const listed = [];
    for await (const factor of await client.userFactorApi.listFactors({ userId })) listed.push(factor);
    expect(listed.map((factor) => [factor?.id, factor?.status])).toEqual([[enrolled.id, "ACTIVE"]]);

    f.clock.advance(30_000);
    const code = await generateTotpCode(secret, f.clock.now);
    const verified = await client.userFactorApi.verifyFactor({ userId, factorId: enrolled.id!, body: { passCode: code } });
    expect(verified.factorResult).toBe("SUCCESS");
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    await expect(client.userFactorApi.verifyFactor({ userId, factorId: enrolled.id!, body: { passCode: wrong } })).rejects.toMatchObject({ status: 403, errorCode: "E0000068" });

    await client.userFactorApi.unenrollFactor({ userId, factorId: enrolled.id! });
    expect((await f.api("GET", `/api/v1/users/${userId}/factors`)).body).toEqual([]);
  });
});
