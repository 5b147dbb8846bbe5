import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORG_URL, type ApiResult } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { testProviders } from "../support/test-databases";
import { createAuthorizeFixture, type AuthorizeFixture } from "../oauth/authorize-fixture";
import { REDIRECT_URI, type TestApp, type TestUser } from "../oauth/token-fixture";

type FoundLink = { href: string; allow: string[] | null; from: string };

/**
 * Every `href` under any `_links` (or `_link`, Okta's spelling on API tokens) in a JSON document,
 * objects and arrays of links alike, at any depth.
 */
function linksIn(document: unknown, from: string): FoundLink[] {
  const found: FoundLink[] = [];
  const visit = (value: unknown, inLinks: boolean) => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, inLinks));
    if (!value || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if (inLinks && typeof record.href === "string") {
      const hints = record.hints as { allow?: string[] } | undefined;
      found.push({ href: record.href, allow: hints?.allow ?? null, from });
      return;
    }
    for (const [key, child] of Object.entries(record)) visit(child, inLinks || key === "_links" || key === "_link");
  };
  visit(document, false);
  return found;
}

/** The targets of an RFC 8288 Link header. */
function linkHeaderTargets(header: string | null, from: string): FoundLink[] {
  return [...(header ?? "").matchAll(/<([^>]+)>/g)].map((match) => ({ href: match[1]!, allow: null, from }));
}

describe.each(testProviders())("every _links href the management API emits resolves, on %s", (provider) => {
  let t: AuthorizeFixture;
  const starts: string[] = [];
  let groupId = "";
  let appId = "";
  let user: TestUser;
  let web: TestApp;

  beforeAll(async () => {
    t = await createAuthorizeFixture(provider);
    const { f } = t;
    const must = async (res: Promise<ApiResult>, status: number) => {
      const answer = await res;
      expect(answer.status, answer.text).toBe(status);
      return answer.body;
    };
    // a user in a group; an app with a user and a group assignment and a second secret
    user = await t.user("Linked");
    groupId = (await must(f.api("POST", "/api/v1/groups", { profile: { name: "Linked Group", description: "links" } }), 200)).id;
    await must(f.api("PUT", `/api/v1/groups/${groupId}/users/${user.id}`), 204);
    web = await t.app("Linked Web", { application_type: "web", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code", "refresh_token"], response_types: ["code"] });
    appId = web.appId;
    await t.assign(web.appId, user.id);
    await must(f.api("PUT", `/api/v1/apps/${web.appId}/groups/${groupId}`, {}), 200);
    await must(f.api("POST", `/api/v1/apps/${web.appId}/credentials/secrets`, {}), 201);
    // an authorization server with a policy, a rule, a scope and a claim (and its keys)
    const serverId = (await must(f.api("POST", "/api/v1/authorizationServers", { name: "Linked Server", audiences: ["api://linked"] }), 201)).id;
    const policyId = (await must(f.api("POST", `/api/v1/authorizationServers/${serverId}/policies`, { name: "Linked Policy", conditions: { clients: { include: ["ALL_CLIENTS"] } } }), 201)).id;
    await must(
      f.api("POST", `/api/v1/authorizationServers/${serverId}/policies/${policyId}/rules`, {
        name: "Linked Rule",
        type: "RESOURCE_ACCESS",
        conditions: { grantTypes: { include: ["authorization_code"] }, scopes: { include: ["*"] } },
      }),
      201,
    );
    await must(f.api("POST", `/api/v1/authorizationServers/${serverId}/scopes`, { name: "linked:read" }), 201);
    await must(f.api("POST", `/api/v1/authorizationServers/${serverId}/claims`, { name: "linked", claimType: "RESOURCE", valueType: "EXPRESSION", value: "user.email" }), 201);
    // a trusted origin; the bootstrap API token; a refresh token of the app on the default server
    await must(f.api("POST", "/api/v1/trustedOrigins", { name: "Linked Origin", origin: "https://linked.example.com", scopes: [{ type: "CORS" }] }), 200);
    const code = await t.code({ clientId: web.clientId, userId: user.id, scopes: ["openid", "offline_access"] });
    const exchanged = await t.token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI }, { basic: t.basic(web) });
    expect(exchanged.status, exchanged.text).toBe(200);

    starts.push(
      "/api/v1/users",
      "/api/v1/users/me",
      `/api/v1/users/${user.id}`,
      `/api/v1/users/${user.id}/groups`,
      "/api/v1/groups",
      `/api/v1/groups/${groupId}`,
      "/api/v1/apps",
      `/api/v1/apps/${web.appId}/credentials/secrets`,
      "/api/v1/authorizationServers",
      `/api/v1/authorizationServers/${serverId}/credentials/keys`,
      "/api/v1/authorizationServers/default/clients",
      `/api/v1/authorizationServers/default/clients/${web.clientId}/tokens?expand=scope`,
      "/api/v1/trustedOrigins",
      "/api/v1/api-tokens",
      "/api/v1/org/settings",
      "/oauth2/v1/clients",
    );
  });
  afterAll(() => t.f.close());

  it("a walk from every list and resource reaches each link: GET answers JSON 200, or 405 naming the hinted methods; hinted methods are routed", async () => {
    const queue: FoundLink[] = starts.map((path) => ({ href: `${ORG_URL}${path}`, allow: ["GET"], from: "start" }));
    const fetched = new Set<string>();
    const checkedMethods = new Set<string>();
    const failures: string[] = [];

    while (queue.length > 0) {
      const found = queue.shift()!;
      if (!found.href.startsWith(`${ORG_URL}/`)) {
        failures.push(`${found.href} (from ${found.from}) is not a URL of this server`);
        continue;
      }
      const path = found.href.slice(ORG_URL.length);
      for (const method of (found.allow ?? []).filter((m) => m !== "GET")) {
        if (checkedMethods.has(`${method} ${path}`)) continue;
        checkedMethods.add(`${method} ${path}`);
        // Without a valid token a routed method answers 401 before doing anything; an unrouted one 404 or 405.
        const res = await t.f.api(method, path, undefined, { token: "bogusTokenValue_0123456789" });
        if (res.status !== 401) failures.push(`${method} ${path} (hinted from ${found.from}) answered ${res.status}, not 401: ${res.text}`);
      }
      if (fetched.has(path)) continue;
      fetched.add(path);
      const res = await t.f.api("GET", path);
      const json = (res.headers.get("content-type") ?? "").startsWith("application/json") && res.body !== undefined;
      if (!json) {
        failures.push(`GET ${path} (from ${found.from}) answered ${res.status} without JSON`);
        continue;
      }
      if (res.status === 405) {
        const allowed = (res.headers.get("allow") ?? "").split(", ").filter(Boolean);
        const hinted = found.allow ?? allowed;
        if (res.body.errorCode !== "E0000022" || allowed.length === 0 || found.allow?.includes("GET") || !hinted.every((m) => allowed.includes(m))) {
          failures.push(`GET ${path} (from ${found.from}, hints ${JSON.stringify(found.allow)}) answered 405 allowing ${JSON.stringify(allowed)}`);
        }
        continue;
      }
      if (res.status !== 200) {
        failures.push(`GET ${path} (from ${found.from}) answered ${res.status}: ${res.text}`);
        continue;
      }
      queue.push(...linksIn(res.body, path), ...linkHeaderTargets(res.headers.get("link"), `${path} (Link header)`));
    }

    expect(failures).toEqual([]);
    // the walk went through every kind of resource, the group's apps link among them
    for (const expected of [
      `/api/v1/groups/${groupId}/apps`,
      `/api/v1/groups/${groupId}/users`,
      `/api/v1/apps/${appId}/groups/${groupId}`,
      `/api/v1/apps/${appId}/users`,
      "/oauth2/default/.well-known/openid-configuration",
    ]) {
      expect(fetched.has(expected), expected).toBe(true);
    }
    expect(fetched.size).toBeGreaterThan(40);
    expect(checkedMethods.size).toBeGreaterThan(15);
  });

  it("the end-user API's links resolve too: /api/v1/authn's cancel and the session's self, refresh and user", async () => {
    const authn = await callRoute(
      new Request(`${ORG_URL}/api/v1/authn`, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify({ username: user.login, password: user.password }) }),
    );
    expect(authn.status).toBe(200);
    const jar = await t.browserFor(user, web);
    const session = await t.get(`${ORG_URL}/api/v1/sessions/me`, jar);
    expect(session.status).toBe(200);
    const found = [...linksIn(await authn.json(), "/api/v1/authn"), ...linksIn(JSON.parse(session.text), "/api/v1/sessions/me")];
    expect(found.map((link) => link.href.slice(ORG_URL.length)).sort()).toEqual(
      ["/api/v1/authn/cancel", "/api/v1/sessions/me", "/api/v1/sessions/me/lifecycle/refresh", `/api/v1/users/${user.id}`].sort(),
    );
    for (const { href, allow } of found) {
      const path = href.slice(ORG_URL.length);
      for (const method of allow ?? ["GET"]) {
        if (method === "GET") {
          // with the browser's session, or the admin token for the user
          const res = path.startsWith("/api/v1/users/") ? await t.f.api("GET", path) : await t.get(href, jar);
          expect(res.status, `GET ${path}`).toBe(200);
          continue;
        }
        // without a session a routed method refuses for want of one; an unrouted one answers E0000022
        const res = await callRoute(new Request(href, { method, headers: { Accept: "application/json", "Content-Type": "application/json" }, body: method === "DELETE" ? undefined : "{}" }));
        const text = await res.text();
        expect(res.status, `${method} ${path}`).not.toBe(405);
        expect(text, `${method} ${path}`).not.toContain("E0000022");
      }
    }
  });
});
