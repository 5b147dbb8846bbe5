import { expect, test } from "@playwright/test";
import okta from "@okta/okta-sdk-nodejs";
import { E2E_ADMIN_TOKEN } from "./e2e-settings";

// Users, groups, OIDC apps, assignments and trusted origins through Okta's own Node SDK, unchanged.
test("okta-sdk-nodejs manages users, groups, apps, assignments and trusted origins", async ({ baseURL }) => {
  const client = new okta.Client({ orgUrl: baseURL!, token: E2E_ADMIN_TOKEN });
  const suffix = Date.now().toString(36);

  const user = await client.userApi.createUser({
    activate: true,
    body: {
      profile: { firstName: "Dolores", lastName: "Abernathy", email: `dolores.${suffix}@example.com`, login: `dolores.${suffix}@example.com` },
      credentials: { password: { value: `Sweetwater-${suffix}-1` } },
    },
  });
  expect(user.id).toMatch(/^00u[0-9A-Za-z]{17}$/);
  expect(user.status).toBe("ACTIVE");
  expect(JSON.stringify(user)).not.toContain(`Sweetwater-${suffix}-1`);
  const byLogin = await client.userApi.getUser({ userId: `dolores.${suffix}@example.com` });
  expect(byLogin.id).toBe(user.id);

  const group = await client.groupApi.createGroup({ group: { profile: { name: `Hosts ${suffix}`, description: "Westworld hosts" } } });
  expect(group.id).toMatch(/^00g[0-9A-Za-z]{17}$/);
  await client.groupApi.assignUserToGroup({ groupId: group.id!, userId: user.id! });
  const members: string[] = [];
  await (await client.groupApi.listGroupUsers({ groupId: group.id! })).each((member) => {
    members.push(member.id!);
  });
  expect(members).toEqual([user.id]);

  const web = await client.applicationApi.createApplication({
    activate: true,
    application: {
      name: "oidc_client",
      label: `Web app ${suffix}`,
      signOnMode: "OPENID_CONNECT",
      credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic", autoKeyRotation: true } },
      settings: {
        oauthClient: {
          application_type: "web",
          redirect_uris: ["http://localhost:8080/authorization-code/callback"],
          post_logout_redirect_uris: ["http://localhost:8080/"],
          response_types: ["code"],
          grant_types: ["authorization_code", "refresh_token"],
          consent_method: "TRUSTED",
        },
      },
    } as never,
  });
  expect(web.signOnMode).toBe("OPENID_CONNECT");
  const webCredentials = (web as unknown as { credentials: { oauthClient: { client_id: string; client_secret: string } } }).credentials.oauthClient;
  expect(webCredentials.client_id).toBe(web.id);
  expect(webCredentials.client_secret.length).toBeGreaterThanOrEqual(43);

  const spa = await client.applicationApi.createApplication({
    activate: true,
    application: {
      name: "oidc_client",
      label: `SPA ${suffix}`,
      signOnMode: "OPENID_CONNECT",
      credentials: { oauthClient: { token_endpoint_auth_method: "none", pkce_required: true } },
      settings: {
        oauthClient: {
          application_type: "browser",
          redirect_uris: ["http://localhost:4200/login/callback"],
          response_types: ["code"],
          grant_types: ["authorization_code"],
        },
      },
    } as never,
  });
  const spaCredentials = (spa as unknown as { credentials: { oauthClient: { client_secret?: string; pkce_required: boolean } } }).credentials.oauthClient;
  expect(spaCredentials.client_secret).toBeUndefined();
  expect(spaCredentials.pkce_required).toBe(true);

  const assignment = await client.applicationApi.assignUserToApplication({ appId: web.id!, appUser: { id: user.id!, scope: "USER" } as never });
  expect(assignment.id).toBe(user.id);
  const groupAssignment = await client.applicationApi.assignGroupToApplication({ appId: spa.id!, groupId: group.id!, applicationGroupAssignment: { priority: 0 } });
  expect(groupAssignment.id).toBe(group.id);

  const origin = await client.trustedOriginApi.createTrustedOrigin({
    trustedOrigin: { name: `SPA origin ${suffix}`, origin: `http://localhost:${4000 + (Date.now() % 1000)}`, scopes: [{ type: "CORS" }, { type: "REDIRECT" }] },
  });
  expect(origin.id).toBeTruthy();
  expect(origin.scopes?.map((s) => s.type)).toEqual(["CORS", "REDIRECT"]);

  await client.applicationApi.deactivateApplication({ appId: spa.id! });
  await client.applicationApi.deleteApplication({ appId: spa.id! });
  await client.userApi.deactivateUser({ userId: user.id! });
  await client.userApi.deleteUser({ userId: user.id! });
  const gone = await client.userApi.getUser({ userId: user.id! }).catch((error: { status?: number; errorCode?: string }) => error);
  expect(gone).toMatchObject({ status: 404, errorCode: "E0000007" });
});
