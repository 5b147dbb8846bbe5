import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORG_URL } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { createTokenFixture, REDIRECT_URI, type TestApp, type TokenFixture } from "../oauth/token-fixture";

describe.each(testProviders())("GET /api/v1/groups/:groupId/apps on %s", (provider) => {
  let t: TokenFixture;
  let groupId: string;
  let everyoneId: string;
  let apps: TestApp[];

  beforeAll(async () => {
    t = await createTokenFixture(provider);
    const group = await t.f.api("POST", "/api/v1/groups", { profile: { name: "Assigned", description: null } });
    expect(group.status, group.text).toBe(200);
    groupId = group.body.id;
    everyoneId = (await t.f.db.group.findFirstOrThrow({ where: { type: "BUILT_IN" } })).id;
    apps = [];
    for (const label of ["Group App A", "Group App B", "Group App C", "Not Assigned"]) {
      apps.push(await t.app(label, { application_type: "web", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code"], response_types: ["code"] }));
    }
    for (const app of apps.slice(0, 3)) expect((await t.f.api("PUT", `/api/v1/apps/${app.appId}/groups/${groupId}`, {})).status).toBe(200);
    expect((await t.f.api("PUT", `/api/v1/apps/${apps[3]!.appId}/groups/${everyoneId}`, {})).status).toBe(200);
  });
  afterAll(() => t.f.close());

  it("lists the group's apps by id, each exactly as GET /api/v1/apps/:id answers it", async () => {
    const res = await t.f.api("GET", `/api/v1/groups/${groupId}/apps`);
    expect(res.status).toBe(200);
    const ids = apps.slice(0, 3).map((app) => app.appId).sort();
    expect(res.body.map((app: { id: string }) => app.id)).toEqual(ids);
    for (const app of res.body) expect(app).toEqual((await t.f.api("GET", `/api/v1/apps/${app.id}`)).body);
    expect(res.headers.get("link")).toBe(`<${ORG_URL}/api/v1/groups/${groupId}/apps>; rel="self"`);
  });

  it("pages with limit and after through Link rel=next", async () => {
    const seen: string[] = [];
    let path: string | null = `/api/v1/groups/${groupId}/apps?limit=2`;
    while (path) {
      const res = await t.f.api("GET", path);
      expect(res.status).toBe(200);
      expect(res.body.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.map((app: { id: string }) => app.id));
      const next = /<([^>]+)>; rel="next"/.exec(res.headers.get("link") ?? "")?.[1];
      path = next ? next.slice(ORG_URL.length) : null;
    }
    expect(seen).toEqual(apps.slice(0, 3).map((app) => app.appId).sort());
  });

  it("Everyone lists the apps assigned to Everyone; an unknown group is 404 E0000007", async () => {
    const everyone = await t.f.api("GET", `/api/v1/groups/${everyoneId}/apps`);
    expect(everyone.body.map((app: { id: string }) => app.id)).toEqual([apps[3]!.appId]);
    const unknown = await t.f.api("GET", "/api/v1/groups/00gNoSuchGroup000000/apps");
    expect(unknown.status).toBe(404);
    expect(unknown.body.errorCode).toBe("E0000007");
  });

  it("a refused limit is 400 E0000001; other methods are 405 E0000022", async () => {
    expect((await t.f.api("GET", `/api/v1/groups/${groupId}/apps?limit=0`)).body.errorCode).toBe("E0000001");
    const post = await t.f.api("POST", `/api/v1/groups/${groupId}/apps`, {});
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET");
  });
});
