import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";

describe.each(testProviders())("paths under /api/v1 that name no endpoint, on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  it.each([
    ["GET", "/api/v1/nope"],
    ["POST", "/api/v1/nope/deeper"],
    ["DELETE", "/api/v1/users/00u0000000000000000/nope"],
    ["PUT", "/api/v1/authorizationServers/default/nope/x"],
    ["PATCH", "/api/v1/apps/0oa00000000000000000/credentials/nope"],
    ["OPTIONS", "/api/v1/groups/00g00000000000000000/nope"],
  ])("%s %s: Okta's JSON 404 E0000022, with or without a token", async (method, path) => {
    for (const token of [undefined, null]) {
      const res = await f.api(method, path, undefined, { token });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.headers.get("cache-control")).toBe("no-cache, no-store");
      expect(res.body).toEqual({
        errorCode: "E0000022",
        errorSummary: "The endpoint does not support the provided HTTP method",
        errorLink: "E0000022",
        errorId: expect.stringMatching(/^oae[0-9A-Za-z]{22}$/),
        errorCauses: [],
      });
    }
  });

  it("a path that does name an endpoint still reaches it (the catch-all never shadows a route)", async () => {
    const res = await f.api("GET", "/api/v1/users");
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
  });
});
