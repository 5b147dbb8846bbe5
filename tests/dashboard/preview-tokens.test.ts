import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previewTokens } from "@/lib/dashboard/preview-tokens";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { act, adminUserId, createPlainUser, sessionCookie } from "./dashboard-fixture";

describe.each(testProviders())("token preview on %s", (provider) => {
  let f: AdminFixture;
  let cookie: string;
  let serverId: string;
  let policyId: string;
  let clientId: string;
  let appId: string;
  let userId: string;
  let outsiderId: string;

  async function ok<T extends { ok: boolean }>(promise: Promise<T>): Promise<T> {
    const result = await promise;
    if (!result.ok) throw new Error(`action failed: ${JSON.stringify(result)}`);
    return result;
  }

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    cookie = await sessionCookie(f, await adminUserId(f));
    // Everything through the dashboard's own actions, as an admin would click it.
    await ok(act(f, cookie, "authorizationServer.create", { name: "Orders", audience: "api://orders", rotationMode: "AUTO" }));
    serverId = (await f.db.authorizationServer.findFirstOrThrow({ where: { name: "Orders" } })).id;
    await ok(act(f, cookie, "scope.create", { authServerId: serverId, name: "orders:read", consent: "IMPLICIT" }));
    await ok(act(f, cookie, "claim.create", { authServerId: serverId, name: "email", claimType: "RESOURCE", valueType: "EXPRESSION", value: "user.email", scopeMode: "any" }));
    await ok(act(f, cookie, "claim.create", { authServerId: serverId, name: "dept", claimType: "IDENTITY", valueType: "EXPRESSION", value: 'user.department == null ? "none" : user.department', alwaysIncludeInToken: "true", scopeMode: "any" }));
    await ok(act(f, cookie, "policy.create", { authServerId: serverId, name: "SPA policy", clientsMode: "ALL_CLIENTS" }));
    policyId = (await f.db.policy.findFirstOrThrow({ where: { authServerId: serverId } })).id;
    await ok(
      act(f, cookie, "rule.create", {
        authServerId: serverId,
        policyId,
        name: "Code flow",
        grantTypes: ["authorization_code"],
        peopleMode: "EVERYONE",
        scopesMode: "SELECTED",
        scopes: ["orders:read"],
        accessTokenLifetimeMinutes: "30",
      }),
    );
    userId = await createPlainUser(f, "ada@example.com");
    outsiderId = await createPlainUser(f, "outsider@example.com");
    await ok(act(f, cookie, "app.create", { label: "Orders SPA", applicationType: "browser", redirectUris: "http://localhost:8080/callback" }));
    const app = await f.db.app.findFirstOrThrow({ where: { label: "Orders SPA" } });
    appId = app.id;
    clientId = app.clientId;
    await ok(act(f, cookie, "app.assignUser", { appId, userId }));
  });
  afterAll(() => f.close());

  const preview = (input: Partial<Parameters<typeof previewTokens>[2]>) =>
    previewTokens(f.db, ORG_URL, { authServerId: serverId, clientId, grantType: "authorization_code", userId, scopes: ["openid", "profile", "orders:read"], ...input }, f.clock.now);

  it("shows the access token and ID token claims the server would issue, without issuing anything", async () => {
    const logsBefore = await f.db.systemLogEvent.count();
    const refreshBefore = await f.db.refreshToken.count();
    const result = await preview({});
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.policy.name).toBe("SPA policy");
    expect(result.rule.name).toBe("Code flow");
    expect(result.grantedScopes).toEqual(["openid", "profile", "orders:read"]);
    expect(result.decision.accessTokenLifetimeMinutes).toBe(30);
    const iat = Math.floor(f.clock.now.getTime() / 1000);
    expect(result.accessToken.claims).toMatchObject({
      ver: 1,
      iss: `${ORG_URL}/oauth2/${serverId}`,
      aud: "api://orders",
      cid: clientId,
      uid: userId,
      sub: "ada@example.com",
      scp: ["openid", "profile", "orders:read"],
      iat,
      exp: iat + 30 * 60,
      email: "ada@example.com",
    });
    expect(result.idToken?.claims).toMatchObject({ sub: userId, aud: clientId, iss: `${ORG_URL}/oauth2/${serverId}`, amr: ["pwd"], name: "Plain User", dept: "none" });
    expect(result.idToken?.claims.at_hash).toBeUndefined();
    expect(result.accessToken.warnings).toEqual([]);
    expect(result.refreshToken).toBe(false);
    expect(await f.db.systemLogEvent.count()).toBe(logsBefore);
    expect(await f.db.refreshToken.count()).toBe(refreshBefore);
  });

  it("has no ID token without openid", async () => {
    const result = await preview({ scopes: ["orders:read"] });
    expect(result.ok && result.idToken).toBeNull();
  });

  it("explains a policy denial: no rule for the grant type", async () => {
    await ok(act(f, cookie, "app.update", { appId, label: "Orders SPA", grantTypes: ["authorization_code", "refresh_token"], redirectUris: "http://localhost:8080/callback", pkceRequired: "true" }));
    const result = await preview({ grantType: "refresh_token" });
    expect(result).toMatchObject({ ok: false, error: "access_denied", description: "Policy evaluation failed for this request, please check the policy configurations.", policyId });
    expect(!result.ok && result.reason).toContain("no_matching_rule");
    expect(!result.ok && result.reason).toContain("refresh_token");
  });

  it("explains the other refusals the token endpoint would give", async () => {
    expect(await preview({ userId: outsiderId })).toMatchObject({ ok: false, error: "access_denied", description: "User is not assigned to the client application." });
    expect(await preview({ scopes: ["orders:write"] })).toMatchObject({ ok: false, error: "invalid_scope" });
    expect(await preview({ grantType: "client_credentials", userId: null })).toMatchObject({ ok: false, error: "unauthorized_client" });
    expect(await preview({ grantType: "password" })).toMatchObject({ ok: false, error: "unauthorized_client" });
    expect(await preview({ authServerId: "nope" })).toMatchObject({ ok: false, error: "not_found" });
  });

  it("follows policy changes at once: a rule that excludes the user denies", async () => {
    const rule = await f.db.policyRule.findFirstOrThrow({ where: { policyId } });
    await ok(
      act(f, cookie, "rule.update", {
        authServerId: serverId,
        policyId,
        ruleId: rule.id,
        name: "Code flow",
        grantTypes: ["authorization_code"],
        peopleMode: "EVERYONE",
        excludeUsers: [userId],
        scopesMode: "ANY",
        accessTokenLifetimeMinutes: "30",
      }),
    );
    const result = await preview({});
    expect(result).toMatchObject({ ok: false, error: "access_denied" });
    expect(!result.ok && result.reason).toContain(`user ${userId}`);
  });

  it("previews client_credentials for a service app with the server's claims", async () => {
    await ok(act(f, cookie, "app.create", { label: "Orders job", applicationType: "service" }));
    const service = await f.db.app.findFirstOrThrow({ where: { label: "Orders job" } });
    await ok(act(f, cookie, "rule.create", { authServerId: serverId, policyId, name: "Machines", grantTypes: ["client_credentials"], scopesMode: "ANY" }));
    const result = await preview({ clientId: service.clientId, grantType: "client_credentials", userId: null, scopes: ["orders:read"] });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.accessToken.claims).toMatchObject({ sub: service.clientId, cid: service.clientId, scp: ["orders:read"] });
    expect(result.accessToken.claims.uid).toBeUndefined();
    expect(result.accessToken.warnings.map((w) => w.claimName)).toContain("email");
    expect(result.idToken).toBeNull();
  });
});
