import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "@/lib/app-context";
import { hashTokenBytes } from "@/lib/crypto/hash-token";
import { handleOAuthRequest } from "@/lib/oauth/http/handle-oauth-request";
import { tokenEndpoint } from "@/lib/oauth/token/token-endpoint";
import { flushSystemLog } from "@/lib/system-log/queue-system-log";
import { ORG_URL } from "../support/admin-fixture";
import { countingDb } from "../support/counting-db";
import { testProviders } from "../support/test-databases";
import { createTokenFixture, expectOAuthError, SECRETS_KEY, TOKEN_URL, type TestApp, type TestUser, type TokenFixture } from "./token-fixture";

const INVALID = "The refresh token is invalid or expired.";
const REFRESH_EVENT = "app.oauth2.as.token.grant.refresh_token";
const OFFICE = "203.0.113.40";
const HOME = "192.0.2.10";
const MINUTE = 60_000;

/**
 * The refresh_token grant re-checks the app's authentication policy (ACCESS_POLICY): a DENY that
 * applies now (a rule added, a group joined, a network left since the token was issued) refuses the
 * refresh with invalid_grant, logged as a DENY with the rule, and leaves the token as it was (not
 * rotated, revoked or extended): it works again once the policy allows it. Both databases.
 */
describe.each(testProviders())("refresh_token grant and the app's authentication policy on %s", (provider) => {
  let t: TokenFixture;
  let vault: TestApp; // assigned to the Vault policy
  let wiki: TestApp; // the default policy
  let eve: TestUser;
  let pat: TestUser;
  let policyId: string;
  let contractors: string;
  let denyRuleId: string;

  const refresh = (app: TestApp, token: string, extra: Record<string, string> = {}, address = OFFICE) =>
    t.token({ grant_type: "refresh_token", refresh_token: token, ...extra }, { basic: t.basic(app), headers: { "x-forwarded-for": address } });
  async function start(app: TestApp, user: TestUser, scope = "openid offline_access"): Promise<string> {
    const res = await t.token({ grant_type: "password", username: user.login, password: user.password, scope }, { basic: t.basic(app), headers: { "x-forwarded-for": OFFICE } });
    expect(res.status, res.text).toBe(200);
    return res.body.refresh_token as string;
  }
  const rowOf = (token: string) => t.f.db.refreshToken.findUniqueOrThrow({ where: { tokenHash: hashTokenBytes(token) } });
  const familySize = async (token: string) => t.f.db.refreshToken.count({ where: { familyId: (await rowOf(token)).familyId } });
  const joinContractors = async (user: TestUser) => expect((await t.f.api("PUT", `/api/v1/groups/${contractors}/users/${user.id}`)).status).toBe(204);
  const leaveContractors = async (user: TestUser) => expect((await t.f.api("DELETE", `/api/v1/groups/${contractors}/users/${user.id}`)).status).toBe(204);

  beforeAll(async () => {
    t = await createTokenFixture(provider);
    const web = { application_type: "web", redirect_uris: ["https://app.example.com/callback"], grant_types: ["authorization_code", "password", "refresh_token"], response_types: ["code"] };
    vault = await t.app("Vault", web);
    wiki = await t.app("Wiki", web);
    eve = await t.user("Eve");
    pat = await t.user("Pat");
    for (const app of [vault, wiki]) for (const user of [eve, pat]) await t.assign(app.appId, user.id);
    contractors = (await t.f.api("POST", "/api/v1/groups", { profile: { name: "Contractors" } })).body.id;
    policyId = (await t.f.api("POST", "/api/v1/policies", { type: "ACCESS_POLICY", name: "Vault" })).body.id;
    const rule = await t.f.api("POST", `/api/v1/policies/${policyId}/rules`, {
      type: "ACCESS_POLICY",
      name: "Contractors: no access",
      conditions: { people: { groups: { include: [contractors] } } },
      actions: { appSignOn: { access: "DENY" } },
    });
    expect(rule.status, rule.text).toBe(200);
    denyRuleId = rule.body.id;
    expect((await t.f.api("PUT", `/api/v1/apps/${vault.appId}/policies/${policyId}`)).status).toBe(204);
  });
  afterAll(() => t.f.close());

  it("a user who joined a denied group since the token was issued: invalid_grant, logged as DENY with the rule; the token is left as it was", async () => {
    const token = await start(vault, eve);
    const before = await rowOf(token);
    await joinContractors(eve);
    t.f.clock.advance(5 * MINUTE);
    const mark = await t.mark();
    const denied = await refresh(vault, token);
    expectOAuthError(denied, 400, "invalid_grant", INVALID);
    const events = await t.events(REFRESH_EVENT, mark);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      outcomeResult: "DENY",
      outcomeReason: `POLICY_DENY: rule "Contractors: no access" (${denyRuleId}) of the app's authentication policy "Vault" (${policyId}) denies access`,
      actor: { id: eve.id, type: "User" },
    });
    expect((events[0]!.debugContext as { debugData: Record<string, unknown> }).debugData).toMatchObject({
      grantType: "refresh_token",
      error: "invalid_grant",
      refreshTokenId: before.id,
      grantId: before.familyId,
      policyId,
      ruleId: denyRuleId,
    });
    // Not consumed, rotated, revoked or extended; no token issued.
    expect(await rowOf(token)).toEqual(before);
    expect(await familySize(token)).toBe(1);
    expect(await t.events("app.oauth2.as.token.grant.access_token", mark)).toEqual([]);

    // The same refresh without offline_access (no rotation) is refused too, and does not restart the window.
    expectOAuthError(await refresh(vault, token, { scope: "openid" }), 400, "invalid_grant", INVALID);
    expect(await rowOf(token)).toEqual(before);

    // Once the policy allows her again, the very token works and rotates.
    await leaveContractors(eve);
    const allowed = await refresh(vault, token);
    expect(allowed.status, allowed.text).toBe(200);
    expect(await rowOf(token)).toMatchObject({ status: "ROTATED" });
  });

  it("the rule denies only through the app's policy: the same user refreshes another app's token, others refresh this app's", async () => {
    const wikiToken = await start(wiki, eve);
    const vaultToken = await start(vault, pat);
    await joinContractors(eve);
    try {
      expect((await refresh(wiki, wikiToken)).status).toBe(200);
      expect((await refresh(vault, vaultToken)).status).toBe(200);
    } finally {
      await leaveContractors(eve);
    }
  });

  it("a rule added after the token was issued applies to it; an INACTIVE rule does not", async () => {
    const token = await start(vault, pat);
    const added = await t.f.api("POST", `/api/v1/policies/${policyId}/rules`, {
      type: "ACCESS_POLICY",
      name: "Pat: no access",
      priority: 1,
      conditions: { people: { users: { include: [pat.id] } } },
      actions: { appSignOn: { access: "DENY" } },
    });
    expect(added.status, added.text).toBe(200);
    try {
      expectOAuthError(await refresh(vault, token), 400, "invalid_grant", INVALID);
      expect((await t.f.api("POST", `/api/v1/policies/${policyId}/rules/${added.body.id}/lifecycle/deactivate`)).status).toBe(204);
      expect((await refresh(vault, token)).status).toBe(200);
    } finally {
      expect((await t.f.api("DELETE", `/api/v1/policies/${policyId}/rules/${added.body.id}`)).status).toBe(204);
    }
  });

  it("a network zone rule: refused from outside the office, allowed from it again with the same token", async () => {
    const office = await t.f.api("POST", "/api/v1/zones", { type: "IP", name: "Office", gateways: [{ type: "CIDR", value: "203.0.113.0/24" }] });
    expect(office.status, office.text).toBe(200);
    const token = await start(vault, pat);
    const outside = await t.f.api("POST", `/api/v1/policies/${policyId}/rules`, {
      type: "ACCESS_POLICY",
      name: "Outside the office: no access",
      priority: 1,
      conditions: { network: { connection: "ZONE", exclude: [office.body.id] } },
      actions: { appSignOn: { access: "DENY" } },
    });
    expect(outside.status, outside.text).toBe(200);
    try {
      const mark = await t.mark();
      expectOAuthError(await refresh(vault, token, {}, HOME), 400, "invalid_grant", INVALID);
      const [event] = await t.events(REFRESH_EVENT, mark);
      expect(event).toMatchObject({ outcomeResult: "DENY", outcomeReason: expect.stringContaining(`rule "Outside the office: no access" (${outside.body.id})`) });
      const next = await refresh(vault, token, {}, OFFICE);
      expect(next.status, next.text).toBe(200);
    } finally {
      expect((await t.f.api("DELETE", `/api/v1/policies/${policyId}/rules/${outside.body.id}`)).status).toBe(204);
    }
  });

  it("a user the policy allows gets the rotated token as before (ALLOW's factor mode and reauthenticateIn do not apply to a refresh)", async () => {
    const strict = await t.f.api("POST", `/api/v1/policies/${policyId}/rules`, {
      type: "ACCESS_POLICY",
      name: "Pat: two factors, recent",
      priority: 1,
      conditions: { people: { users: { include: [pat.id] } } },
      actions: { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "2FA", type: "ASSURANCE", reauthenticateIn: "PT1M" } } },
    });
    expect(strict.status, strict.text).toBe(200);
    try {
      const token = await start(vault, pat);
      t.f.clock.advance(10 * MINUTE);
      const res = await refresh(vault, token);
      expect(res.status, res.text).toBe(200);
      expect(res.body.refresh_token).not.toBe(token);
    } finally {
      expect((await t.f.api("DELETE", `/api/v1/policies/${policyId}/rules/${strict.body.id}`)).status).toBe(204);
    }
  });

  it("costs no query beyond the grant's own while the policy and zone caches are warm; a policy change, one reload", async () => {
    const counting = countingDb(t.f.db);
    const context: AppContext = { db: counting.db, provider, orgUrl: ORG_URL, secretsKey: SECRETS_KEY, now: () => t.f.clock.now };
    const call = async (token: string) => {
      const body = new URLSearchParams({ grant_type: "refresh_token", refresh_token: token, scope: "openid" }).toString();
      const [clientId, secret] = t.basic(vault);
      const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded", Authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}` });
      const response = await handleOAuthRequest(context, { method: "POST", url: new URL(TOKEN_URL), headers, body, params: { authServerId: "default" }, ipAddress: OFFICE }, tokenEndpoint);
      await flushSystemLog(counting.db);
      return { status: response.status, body: response.body };
    };
    // CacheVersion reads (at most once a second per cache) and the log's writes aside.
    const queries = () => counting.queries.splice(0).filter((query) => !query.startsWith("CacheVersion.") && !query.startsWith("SystemLogEvent."));
    const token = await start(vault, pat);
    expect((await call(token)).status).toBe(200); // warms this client's caches
    queries();
    t.f.clock.advance(10);
    expect((await call(token)).status).toBe(200);
    // The grant's own reads and the window's extension: nothing for the policy or the zones.
    expect(queries()).toEqual(["RefreshToken.findUnique", "OrgSettings.findUnique", "User.findUnique", "AppUserAssignment.findUnique", "RefreshToken.updateMany"]);
    const rule = await t.f.api("POST", `/api/v1/policies/${policyId}/rules`, {
      type: "ACCESS_POLICY",
      name: "Pat: no access",
      priority: 1,
      conditions: { people: { users: { include: [pat.id] } } },
      actions: { appSignOn: { access: "DENY" } },
    });
    expect(rule.status, rule.text).toBe(200);
    try {
      t.f.clock.advance(2_000);
      expect(await call(token)).toEqual({ status: 400, body: { error: "invalid_grant", error_description: INVALID } });
      // Past the check interval the policies' version moved: one reload (policies, the Everyone group, the apps' assignments); nothing written.
      expect(queries().filter((query) => /^(OrgPolicy|OrgPolicyRule|AppAccessPolicy|NetworkZone|Group|RefreshToken)\./.test(query))).toEqual([
        "RefreshToken.findUnique",
        "OrgPolicy.findMany",
        "Group.findFirst",
        "AppAccessPolicy.findMany",
      ]);
      t.f.clock.advance(10);
      expect((await call(token)).status).toBe(400);
      expect(queries()).toEqual(["RefreshToken.findUnique", "OrgSettings.findUnique", "User.findUnique", "AppUserAssignment.findUnique"]);
    } finally {
      expect((await t.f.api("DELETE", `/api/v1/policies/${policyId}/rules/${rule.body.id}`)).status).toBe(204);
    }
  });
});
