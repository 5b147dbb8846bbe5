import { afterAll, beforeAll, describe, expect, it } from "vitest";
import okta from "@okta/okta-sdk-nodejs";
import { ADMIN_TOKEN, createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { testProviders } from "../support/test-databases";

/** okta-sdk-nodejs's request executor, answering from the route handlers instead of the network. */
class RouteExecutor extends okta.RequestExecutor {
  override fetch(request: { url: string; method?: string; headers?: Record<string, string>; body?: string }) {
    return callRoute(new Request(request.url, { method: request.method ?? "GET", headers: request.headers, body: request.body })) as never;
  }
}

// Okta's own Node SDK (PolicyApi), unchanged: only orgUrl, the token and the transport point at us.
describe.each(testProviders())("okta-sdk-nodejs PolicyApi on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  it("lists, creates and reads an OKTA_SIGN_ON policy and a SIGN_ON rule", async () => {
    const client = new okta.Client({ orgUrl: ORG_URL, token: ADMIN_TOKEN, requestExecutor: new RouteExecutor(), cacheMiddleware: null });
    const api = client.policyApi;

    const before: string[] = [];
    await (await api.listPolicies({ type: "OKTA_SIGN_ON" })).each((policy) => {
      before.push(`${policy.name}/${policy.system}`);
    });
    expect(before).toEqual(["Default Policy/true"]);

    const policy = await api.createPolicy({ policy: { type: "OKTA_SIGN_ON", name: "SDK sign-on", description: "Created by okta-sdk-nodejs", status: "ACTIVE" } });
    expect([policy.id?.slice(0, 3), policy.type, policy.priority, policy.system]).toEqual(["00p", "OKTA_SIGN_ON", 1, false]);

    const rule = await api.createPolicyRule({
      policyId: policy.id!,
      policyRule: {
        type: "SIGN_ON",
        name: "SDK rule",
        conditions: { people: { users: { exclude: [] } }, network: { connection: "ANYWHERE" } },
        actions: { signon: { access: "ALLOW", requireFactor: true, factorPromptMode: "ALWAYS", factorLifetime: 15, session: { maxSessionIdleMinutes: 60, maxSessionLifetimeMinutes: 0, usePersistentCookie: false } } },
      } as never,
    });
    expect([rule.id?.slice(0, 3), rule.type, rule.priority, rule.status]).toEqual(["0pr", "SIGN_ON", 1, "ACTIVE"]);

    const read = (await api.getPolicyRule({ policyId: policy.id!, ruleId: rule.id! })) as { actions?: { signon?: { factorPromptMode?: string; requireFactor?: boolean } } };
    expect([read.actions?.signon?.requireFactor, read.actions?.signon?.factorPromptMode]).toEqual([true, "ALWAYS"]);

    const after: string[] = [];
    await (await api.listPolicies({ type: "OKTA_SIGN_ON" })).each((p) => {
      after.push(`${p.name}/${p.priority}`);
    });
    expect(after).toEqual(["SDK sign-on/1", "Default Policy/2"]);
  });
});
