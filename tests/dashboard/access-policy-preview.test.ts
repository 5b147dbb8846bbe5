import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previewTokens } from "@/lib/dashboard/preview-tokens";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { createPlainUser } from "./dashboard-fixture";

const DENIED = "The resource owner or authorization server denied the request.";

/**
 * The token preview applies the app's authentication policy (ACCESS_POLICY) as the endpoints do: a
 * user its rule denies gets the endpoint's answer (access_denied at /authorize and the password
 * grant, invalid_grant for a refresh) and the rule that denies, instead of tokens; the zone
 * conditions see the address given (none: an unknown address). Both databases.
 */
describe.each(testProviders())("token preview and the app's authentication policy on %s", (provider) => {
  let f: AdminFixture;
  let clientId: string;
  let eve: string;
  let pat: string;
  let policyId: string;
  let ruleId: string;
  let zoneRuleId: string;

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    const app = await f.api("POST", "/api/v1/apps", {
      name: "oidc_client",
      label: "Vault",
      signOnMode: "OPENID_CONNECT",
      settings: { oauthClient: { application_type: "web", redirect_uris: ["https://vault.example.com/cb"], grant_types: ["authorization_code", "implicit", "password", "refresh_token"], response_types: ["code", "token", "id_token"] } },
    });
    expect(app.status, app.text).toBe(200);
    clientId = app.body.credentials.oauthClient.client_id;
    eve = await createPlainUser(f, "eve@example.com");
    pat = await createPlainUser(f, "pat@example.com");
    for (const id of [eve, pat]) expect((await f.api("POST", `/api/v1/apps/${app.body.id}/users`, { id, scope: "USER" })).status).toBe(200);
    const contractors = (await f.api("POST", "/api/v1/groups", { profile: { name: "Contractors" } })).body.id;
    expect((await f.api("PUT", `/api/v1/groups/${contractors}/users/${eve}`)).status).toBe(204);
    const office = (await f.api("POST", "/api/v1/zones", { type: "IP", name: "Office", gateways: [{ type: "CIDR", value: "203.0.113.0/24" }] })).body.id;
    policyId = (await f.api("POST", "/api/v1/policies", { type: "ACCESS_POLICY", name: "Vault policy" })).body.id;
    const rule = async (name: string, conditions: Record<string, unknown>) => {
      const res = await f.api("POST", `/api/v1/policies/${policyId}/rules`, { type: "ACCESS_POLICY", name, conditions, actions: { appSignOn: { access: "DENY" } } });
      expect(res.status, res.text).toBe(200);
      return res.body.id as string;
    };
    ruleId = await rule("Contractors: no access", { people: { groups: { include: [contractors] } } });
    zoneRuleId = await rule("Pat outside the office: no access", { people: { users: { include: [pat] } }, network: { connection: "ZONE", exclude: [office] } });
    expect((await f.api("PUT", `/api/v1/apps/${app.body.id}/policies/${policyId}`)).status).toBe(204);
  });
  afterAll(() => f.close());

  const preview = (input: Partial<Parameters<typeof previewTokens>[2]>) =>
    previewTokens(f.db, ORG_URL, { authServerId: "default", clientId, grantType: "authorization_code", userId: eve, scopes: ["openid"], ...input }, f.clock.now);
  const denial = (ruleName: string, id: string, error = "access_denied", description = DENIED) => ({
    ok: false,
    error,
    description,
    reason: `POLICY_DENY: rule "${ruleName}" (${id}) of the app's authentication policy "Vault policy" (${policyId}) denies access`,
    policyId,
    appSignOnRule: { policyId, policyName: "Vault policy", ruleId: id, ruleName },
  });

  it.each([
    ["authorization_code", "access_denied", DENIED],
    ["implicit", "access_denied", DENIED],
    ["password", "access_denied", DENIED],
    ["refresh_token", "invalid_grant", "The refresh token is invalid or expired."],
  ] as const)("%s: the endpoint's answer and the rule that denies, no tokens", async (grantType, error, description) => {
    expect(await preview({ grantType })).toEqual(denial("Contractors: no access", ruleId, error, description));
  });

  it("network zone conditions: the address given decides; no address is an unknown one, in no zone", async () => {
    expect(await preview({ userId: pat, ipAddress: "192.0.2.10" })).toEqual(denial("Pat outside the office: no access", zoneRuleId));
    expect(await preview({ userId: pat })).toEqual(denial("Pat outside the office: no access", zoneRuleId));
    expect(await preview({ userId: pat, ipAddress: "203.0.113.40" })).toMatchObject({ ok: true, grantedScopes: ["openid"] });
  });

  it("follows the policy at once: without the rule, the tokens", async () => {
    expect((await f.api("POST", `/api/v1/policies/${policyId}/rules/${ruleId}/lifecycle/deactivate`)).status).toBe(204);
    expect(await preview({})).toMatchObject({ ok: true, grantedScopes: ["openid"] });
  });
});
