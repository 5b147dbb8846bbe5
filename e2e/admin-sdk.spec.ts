import { expect, test } from "@playwright/test";
import okta from "@okta/okta-sdk-nodejs";
import { E2E_ADMIN_TOKEN } from "./e2e-settings";

// The Authorization Server management API driven by Okta's own Node SDK, unchanged, against the
// production build: only orgUrl and the API token point at us.
test("okta-sdk-nodejs manages an authorization server end to end", async ({ baseURL }) => {
  const client = new okta.Client({ orgUrl: baseURL!, token: E2E_ADMIN_TOKEN });
  const api = client.authorizationServerApi;
  const suffix = Date.now().toString(36);

  const server = await api.createAuthorizationServer({
    authorizationServer: { name: `SDK server ${suffix}`, description: "Created by okta-sdk-nodejs", audiences: [`api://sdk-${suffix}`] },
  });
  expect(server.id).toMatch(/^aus[0-9A-Za-z]{17}$/);
  expect(server.issuer).toBe(`${baseURL}/oauth2/${server.id}`);
  expect(server.credentials?.signing?.rotationMode).toBe("AUTO");
  const authServerId = server.id!;

  const scope = await api.createOAuth2Scope({ authServerId, oAuth2Scope: { name: `sdk:read:${suffix}`, description: "Read things", consent: "IMPLICIT" } });
  expect(scope.name).toBe(`sdk:read:${suffix}`);
  expect(scope.system).toBe(false);

  const claim = await api.createOAuth2Claim({
    authServerId,
    oAuth2Claim: { name: "email_claim", status: "ACTIVE", claimType: "RESOURCE", valueType: "EXPRESSION", value: "user.email", conditions: { scopes: [scope.name!] } },
  });
  expect(claim.value).toBe("user.email");
  expect(claim.conditions?.scopes).toEqual([scope.name]);

  const policy = await api.createAuthorizationServerPolicy({
    authServerId,
    policy: { type: "OAUTH_AUTHORIZATION_POLICY", name: "SDK policy", description: "All clients", status: "ACTIVE", priority: 1, conditions: { clients: { include: ["ALL_CLIENTS"] } } },
  });
  expect(policy.priority).toBe(1);
  const rule = await api.createAuthorizationServerPolicyRule({
    authServerId,
    policyId: policy.id!,
    policyRule: {
      type: "RESOURCE_ACCESS",
      name: "SDK rule",
      priority: 1,
      conditions: {
        people: { groups: { include: ["EVERYONE"] } },
        grantTypes: { include: ["client_credentials", "authorization_code"] },
        scopes: { include: ["*"] },
      },
      actions: { token: { accessTokenLifetimeMinutes: 30, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 } },
    },
  });
  expect(rule.actions?.token?.accessTokenLifetimeMinutes).toBe(30);

  // Lists are lazy collections that follow Link rel="next": a page size of 1 forces pagination.
  const names: string[] = [];
  await (await api.listAuthorizationServers({ limit: 1 })).each((s) => {
    names.push(s.name!);
  });
  expect(names).toContain(`SDK server ${suffix}`);
  expect(names).toContain("default");

  const keysBefore: Array<{ kid?: string; status?: string }> = [];
  await (await api.listAuthorizationServerKeys({ authServerId })).each((key) => {
    keysBefore.push(key);
  });
  expect(keysBefore.map((k) => k.status)).toEqual(["ACTIVE", "NEXT"]);
  const rotated: Array<{ kid?: string; status?: string }> = [];
  await (await api.rotateAuthorizationServerKeys({ authServerId, use: { use: "sig" } })).each((key) => {
    rotated.push(key);
  });
  expect(rotated.map((k) => k.status)).toEqual(["ACTIVE", "NEXT", "EXPIRED"]);
  expect(rotated[0]!.kid).toBe(keysBefore[1]!.kid);
  expect(rotated[2]!.kid).toBe(keysBefore[0]!.kid);
  const afterRotation = await api.getAuthorizationServer({ authServerId });
  expect(afterRotation.credentials?.signing?.kid).toBe(rotated[0]!.kid);

  await api.deactivateAuthorizationServer({ authServerId });
  await api.deleteAuthorizationServer({ authServerId });
  const missing = await api.getAuthorizationServer({ authServerId }).catch((error: { status?: number; errorCode?: string }) => error);
  expect(missing).toMatchObject({ status: 404, errorCode: "E0000007" });
});
