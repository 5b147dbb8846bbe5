import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { flushSystemLog } from "@/lib/system-log/queue-system-log";
import { PNG_1PX } from "../branding/brand-images";
import { ADMIN_TOKEN, createAdminFixture, ORG_URL, type AdminFixture, type ApiResult } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { testProviders } from "../support/test-databases";
import { createTestAdmin } from "../admin-roles/role-test-actors";

/**
 * Two DELETEs of the same resource at once: the loser gets the answer a sequential second delete
 * gets (404 E0000007; for /oauth2/v1/clients, RFC 7592's unknown client, which this server answers
 * the same way), never a 500; the database is as after one delete, with exactly one delete's System
 * Log entries. Idempotent removals (a group membership) answer 204 twice and log once.
 */
type Case = {
  kind: string;
  /** Creates the resource; returns the path to DELETE (with /api/v1 or /oauth2/v1). */
  seed(f: AdminFixture): Promise<string>;
  /** The statuses the two requests get, sorted. */
  statuses?: [number, number];
  /** The System Log events one delete writes (Okta logs a user's deletion as initiated + completed). */
  logged?: number;
};

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}`;

async function ok(f: AdminFixture, method: string, path: string, body?: unknown): Promise<ApiResult["body"]> {
  const res = await f.api(method, path, body);
  expect(res.status, `${method} ${path}: ${res.text}`).toBeLessThan(300);
  return res.body;
}

const newServer = (f: AdminFixture) => ok(f, "POST", "/api/v1/authorizationServers", { name: unique("Race AS "), audiences: [`api://${unique("race")}`] });
const newApp = (f: AdminFixture) =>
  ok(f, "POST", "/api/v1/apps", { name: "oidc_client", label: unique("Race app "), signOnMode: "OPENID_CONNECT", settings: { oauthClient: { application_type: "web", redirect_uris: ["https://app.example.com/cb"] } } });
const newServiceApp = (f: AdminFixture) =>
  ok(f, "POST", "/api/v1/apps", { name: "oidc_client", label: unique("Race service "), signOnMode: "OPENID_CONNECT", credentials: { oauthClient: {} }, settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } } });
const newGroup = (f: AdminFixture) => ok(f, "POST", "/api/v1/groups", { profile: { name: unique("Race group ") } });
const newUser = (f: AdminFixture) => createTestAdmin(f, [], unique("racer"));
const newAccessPolicy = (f: AdminFixture, authServerId: string) =>
  ok(f, "POST", `/api/v1/authorizationServers/${authServerId}/policies`, { name: unique("Race policy "), conditions: { clients: { include: ["ALL_CLIENTS"] } } });

const CASES: Case[] = [
  {
    kind: "authorization server",
    seed: async (f) => `/api/v1/authorizationServers/${(await newServer(f)).id}`,
  },
  {
    kind: "dynamically registered client",
    seed: async (f) => {
      const client = await ok(f, "POST", "/oauth2/v1/clients", { client_name: unique("Race client "), redirect_uris: ["https://client.example.com/cb"] });
      return `/oauth2/v1/clients/${client.client_id}`;
    },
  },
  {
    kind: "app",
    seed: async (f) => {
      const app = await newApp(f);
      await ok(f, "POST", `/api/v1/apps/${app.id}/lifecycle/deactivate`);
      return `/api/v1/apps/${app.id}`;
    },
  },
  {
    kind: "app client secret",
    seed: async (f) => {
      const app = await newApp(f);
      const secret = await ok(f, "POST", `/api/v1/apps/${app.id}/credentials/secrets`, {});
      await ok(f, "POST", `/api/v1/apps/${app.id}/credentials/secrets/${secret.id}/lifecycle/deactivate`);
      return `/api/v1/apps/${app.id}/credentials/secrets/${secret.id}`;
    },
  },
  {
    kind: "app user assignment",
    seed: async (f) => {
      const [app, user] = [await newApp(f), await newUser(f)];
      await ok(f, "POST", `/api/v1/apps/${app.id}/users`, { id: user.id, scope: "USER" });
      return `/api/v1/apps/${app.id}/users/${user.id}`;
    },
  },
  {
    kind: "app group assignment",
    seed: async (f) => {
      const [app, group] = [await newApp(f), await newGroup(f)];
      await ok(f, "PUT", `/api/v1/apps/${app.id}/groups/${group.id}`, {});
      return `/api/v1/apps/${app.id}/groups/${group.id}`;
    },
  },
  {
    kind: "app grant",
    seed: async (f) => {
      const app = await newServiceApp(f);
      const grant = await ok(f, "POST", `/api/v1/apps/${app.id}/grants`, { scopeId: "okta.users.read", issuer: "http://idp.test" });
      return `/api/v1/apps/${app.id}/grants/${grant.id}`;
    },
  },
  {
    kind: "group",
    seed: async (f) => `/api/v1/groups/${(await newGroup(f)).id}`,
  },
  {
    kind: "group membership (idempotent)",
    statuses: [204, 204],
    seed: async (f) => {
      const [group, user] = [await newGroup(f), await newUser(f)];
      await ok(f, "PUT", `/api/v1/groups/${group.id}/users/${user.id}`);
      return `/api/v1/groups/${group.id}/users/${user.id}`;
    },
  },
  {
    kind: "theme logo (idempotent: none to remove is no change, no event)",
    statuses: [204, 204],
    seed: async (f) => {
      const brand = (await ok(f, "GET", "/api/v1/brands"))[0];
      const theme = (await ok(f, "GET", `/api/v1/brands/${brand.id}/themes`))[0];
      const logo = `/api/v1/brands/${brand.id}/themes/${theme.id}/logo`;
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(PNG_1PX)], { type: "image/png" }), "logo.png");
      const uploaded = await callRoute(new Request(`${ORG_URL}${logo}`, { method: "POST", headers: { Authorization: `SSWS ${ADMIN_TOKEN}`, Accept: "application/json" }, body: form }));
      expect(uploaded.status).toBe(201);
      return logo;
    },
  },
  {
    kind: "deprovisioned user",
    logged: 2,
    seed: async (f) => {
      const user = await newUser(f);
      await ok(f, "POST", `/api/v1/users/${user.id}/lifecycle/deactivate`);
      return `/api/v1/users/${user.id}`;
    },
  },
  {
    kind: "authorization server access policy",
    seed: async (f) => {
      const server = await newServer(f);
      return `/api/v1/authorizationServers/${server.id}/policies/${(await newAccessPolicy(f, server.id)).id}`;
    },
  },
  {
    kind: "authorization server policy rule",
    seed: async (f) => {
      const server = await newServer(f);
      const policy = await newAccessPolicy(f, server.id);
      const rules = `/api/v1/authorizationServers/${server.id}/policies/${policy.id}/rules`;
      const rule = await ok(f, "POST", rules, {
        name: unique("Race rule "),
        type: "RESOURCE_ACCESS",
        conditions: { people: { groups: { include: ["EVERYONE"] } }, grantTypes: { include: ["client_credentials"] }, scopes: { include: ["*"] } },
      });
      return `${rules}/${rule.id}`;
    },
  },
  {
    kind: "scope",
    seed: async (f) => {
      const server = await newServer(f);
      const scope = await ok(f, "POST", `/api/v1/authorizationServers/${server.id}/scopes`, { name: unique("race:scope") });
      return `/api/v1/authorizationServers/${server.id}/scopes/${scope.id}`;
    },
  },
  {
    kind: "claim",
    seed: async (f) => {
      const server = await newServer(f);
      const claim = await ok(f, "POST", `/api/v1/authorizationServers/${server.id}/claims`, {
        name: unique("race_claim"),
        claimType: "RESOURCE",
        valueType: "EXPRESSION",
        value: "user.email",
        conditions: { scopes: [] },
      });
      return `/api/v1/authorizationServers/${server.id}/claims/${claim.id}`;
    },
  },
  {
    kind: "trusted origin",
    seed: async (f) => {
      const origin = await ok(f, "POST", "/api/v1/trustedOrigins", { name: unique("Race origin "), origin: `https://${unique("race")}.example.com`, scopes: [{ type: "CORS" }] });
      return `/api/v1/trustedOrigins/${origin.id}`;
    },
  },
  {
    kind: "network zone",
    seed: async (f) => {
      const zone = await ok(f, "POST", "/api/v1/zones", { type: "IP", name: unique("Race zone "), gateways: [{ type: "CIDR", value: "10.0.0.0/8" }] });
      await ok(f, "POST", `/api/v1/zones/${zone.id}/lifecycle/deactivate`);
      return `/api/v1/zones/${zone.id}`;
    },
  },
  {
    kind: "org access policy",
    seed: async (f) => `/api/v1/policies/${(await ok(f, "POST", "/api/v1/policies", { type: "ACCESS_POLICY", name: unique("Race org policy ") })).id}`,
  },
  {
    kind: "org access policy rule",
    seed: async (f) => {
      const policy = await ok(f, "POST", "/api/v1/policies", { type: "ACCESS_POLICY", name: unique("Race org policy ") });
      const rule = await ok(f, "POST", `/api/v1/policies/${policy.id}/rules`, {
        type: "ACCESS_POLICY",
        name: unique("Race org rule "),
        actions: { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "1FA", type: "ASSURANCE", reauthenticateIn: "PT12H", constraints: [] } } },
      });
      return `/api/v1/policies/${policy.id}/rules/${rule.id}`;
    },
  },
  {
    kind: "API token",
    seed: async (f) => {
      const user = await newUser(f);
      const token = await createApiToken(f.db, { name: unique("race token "), userId: user.id }, f.clock.now);
      return `/api/v1/api-tokens/${token.record.id}`;
    },
  },
  {
    kind: "user role assignment",
    seed: async (f) => {
      const user = await newUser(f);
      const role = await ok(f, "POST", `/api/v1/users/${user.id}/roles`, { type: "READ_ONLY_ADMIN" });
      return `/api/v1/users/${user.id}/roles/${role.id}`;
    },
  },
  {
    kind: "group role assignment",
    seed: async (f) => {
      const group = await newGroup(f);
      const role = await ok(f, "POST", `/api/v1/groups/${group.id}/roles`, { type: "REPORT_ADMIN" });
      return `/api/v1/groups/${group.id}/roles/${role.id}`;
    },
  },
  {
    kind: "app role assignment",
    seed: async (f) => {
      const app = await newServiceApp(f);
      const role = await ok(f, "POST", `/api/v1/apps/${app.id}/roles`, { type: "READ_ONLY_ADMIN" });
      return `/api/v1/apps/${app.id}/roles/${role.id}`;
    },
  },
];

describe.each(testProviders())("two concurrent DELETEs of the same resource on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  }, 60_000);
  afterAll(() => f.close());

  const events = async () => {
    await flushSystemLog(f.db);
    return f.db.systemLogEvent.count();
  };

  it.each(CASES)("$kind: one succeeds, the other gets what a second delete gets, one delete's log", async ({ seed, statuses = [204, 404], logged = 1 }) => {
    const path = await seed(f);
    const before = await events();
    const answers = await Promise.all([f.api("DELETE", path), f.api("DELETE", path)]);
    expect(answers.map((res) => `${res.status} ${res.text}`).filter((line) => line.startsWith("5"))).toEqual([]);
    expect(answers.map((res) => res.status).sort()).toEqual(statuses);
    const loser = answers.find((res) => res.status === 404);
    if (loser) expect(loser.body).toMatchObject({ errorCode: "E0000007" });
    expect(await events()).toBe(before + logged);
    // as after one delete: a further delete gets the same answer as the loser
    expect((await f.api("DELETE", path)).status).toBe(statuses[1]);
  });
});
