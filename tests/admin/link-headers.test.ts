import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";

/** The targets of a Link header by rel. */
function links(header: string | null): Record<string, string> {
  return Object.fromEntries([...(header ?? "").matchAll(/<([^>]+)>; rel="(\w+)"/g)].map((match) => [match[2]!, match[1]!]));
}

describe.each(testProviders())("paging Link headers carry only what defines the page, on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    for (let i = 0; i < 3; i++) {
      const res = await f.api("POST", "/api/v1/groups", { profile: { name: `Paged ${i}`, description: null } });
      expect(res.status).toBe(200);
    }
  });
  afterAll(() => f.close());

  const junk = `junk=${"x".repeat(4000)}&utm_source=mail&expand=everything`;

  it.each([
    ["groups: q, search and filter", "/api/v1/groups", `q=paged&limit=1&${junk}&search=${encodeURIComponent('type eq "OKTA_GROUP"')}`, `q=paged&limit=1&search=${encodeURIComponent('type eq "OKTA_GROUP"')}`],
    ["users: search", "/api/v1/users", `${junk}&search=${encodeURIComponent('status eq "ACTIVE"')}&limit=5`, `search=${encodeURIComponent('status eq "ACTIVE"')}&limit=5`],
    ["apps: q and filter", "/api/v1/apps", `filter=${encodeURIComponent('status eq "ACTIVE"')}&${junk}&q=x`, `filter=${encodeURIComponent('status eq "ACTIVE"')}&q=x`],
    ["authorization servers: q", "/api/v1/authorizationServers", `${junk}&q=def&limit=20`, "q=def&limit=20"],
    ["claims: nothing beyond paging", "/api/v1/authorizationServers/default/claims", `${junk}&limit=50&q=ignored`, "limit=50"],
    ["System Log: since, until, filter, q, sortOrder", "/api/v1/logs", `since=2026-01-15T00:00:00.000Z&${junk}&sortOrder=DESCENDING&q=group`, "since=2026-01-15T00:00:00.000Z&sortOrder=DESCENDING&q=group"],
  ])("%s: self keeps them as sent, in order, and drops everything else", async (_what, path, query, kept) => {
    const res = await f.api("GET", `${path}?${query}`);
    expect(res.status, res.text).toBe(200);
    expect(links(res.headers.get("link")).self).toBe(`${ORG_URL}${path}?${kept}`);
    expect(res.headers.get("link")!.length).toBeLessThan(400);
  });

  it("next replaces after with the cursor and keeps the page's parameters; following it reaches every match once", async () => {
    const seen: string[] = [];
    let path: string | null = `/api/v1/groups?q=paged&limit=1&${junk}`;
    let pages = 0;
    while (path) {
      const res = await f.api("GET", path);
      expect(res.status).toBe(200);
      seen.push(...res.body.map((group: { profile: { name: string } }) => group.profile.name));
      const next: string | undefined = links(res.headers.get("link")).next;
      if (next) expect(next).toMatch(new RegExp(`^${ORG_URL}/api/v1/groups\\?q=paged&limit=1&after=00g[0-9A-Za-z]+$`));
      path = next ? next.slice(ORG_URL.length) : null;
      pages += 1;
    }
    expect(seen.sort()).toEqual(["Paged 0", "Paged 1", "Paged 2"]);
    expect(pages).toBe(3);
  });

  it("a repeated parameter of the page is kept as sent (the list answers with the first)", async () => {
    const res = await f.api("GET", "/api/v1/groups?q=paged&q=other&limit=2");
    expect(links(res.headers.get("link")).self).toBe(`${ORG_URL}/api/v1/groups?q=paged&q=other&limit=2`);
  });
});
