import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostedPageFraming, NO_FRAMING } from "@/lib/trusted-origins/hosted-page-framing";
import { proxy } from "@/proxy";
import { asAnotherProcess } from "../support/as-another-process";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";

const NONCE_CSP = (frameAncestors: string) =>
  new RegExp(`^script-src 'self' 'nonce-[A-Za-z0-9_-]{24}' 'strict-dynamic' 'unsafe-eval'; object-src 'none'; base-uri 'none'; frame-ancestors ${frameAncestors.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

/** The framing headers proxy.ts gives a page (next.config.js adds X-Frame-Options itself to every path but /signin and /consent). */
async function framingHeadersOf(path: string) {
  const response = await proxy(new NextRequest(`${ORG_URL}${path}`));
  return { csp: response.headers.get("content-security-policy"), xfo: response.headers.get("x-frame-options") };
}

describe.each(testProviders())("IFRAME_EMBED: who may frame the hosted sign-in and consent pages, on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  const now = () => f.clock.now;
  const createOrigin = async (origin: string, scopes: string[]) => {
    const res = await f.api("POST", "/api/v1/trustedOrigins", { name: origin, origin, scopes: scopes.map((type) => ({ type })) });
    expect(res.status).toBe(200);
    return res.body.id as string;
  };

  it("nobody while no trusted origin has IFRAME_EMBED: frame-ancestors 'none' and X-Frame-Options DENY", async () => {
    await createOrigin("https://cors-only.example.com", ["CORS", "REDIRECT"]);
    f.clock.advance(1_000);
    expect(await hostedPageFraming(f.db, now())).toEqual(NO_FRAMING);
    for (const path of ["/signin?return_to=/admin", "/consent?request=r"]) {
      const headers = await framingHeadersOf(path);
      expect(headers.csp).toMatch(NONCE_CSP("'none'"));
      expect(headers.xfo).toBe("DENY");
    }
  });

  it("an IFRAME_EMBED origin may frame /signin and /consent once the cache sees it (within a second); the dashboard never", async () => {
    const embed = await createOrigin("https://portal.example.com", ["IFRAME_EMBED"]);
    f.clock.advance(1_000);
    expect(await hostedPageFraming(f.db, now())).toEqual({ frameAncestors: "'self' https://portal.example.com", denyFraming: false });
    for (const path of ["/signin?return_to=/admin", "/signin?request=r", "/consent?request=r"]) {
      const headers = await framingHeadersOf(path);
      expect(headers.csp).toMatch(NONCE_CSP("'self' https://portal.example.com"));
      expect(headers.xfo).toBeNull();
    }
    // the dashboard is never framed (its X-Frame-Options DENY comes from next.config.js)
    expect((await framingHeadersOf("/admin")).csp).toMatch(NONCE_CSP("'none'"));

    await createOrigin("https://a-partner.example.com:8443", ["CORS", "IFRAME_EMBED"]);
    f.clock.advance(1_000);
    expect((await framingHeadersOf("/signin?return_to=/admin")).csp).toMatch(NONCE_CSP("'self' https://a-partner.example.com:8443 https://portal.example.com"));

    // deactivated or deleted: no longer an ancestor
    expect((await f.api("POST", `/api/v1/trustedOrigins/${embed}/lifecycle/deactivate`)).status).toBe(200);
    f.clock.advance(1_000);
    expect(await hostedPageFraming(f.db, now())).toEqual({ frameAncestors: "'self' https://a-partner.example.com:8443", denyFraming: false });
    expect((await f.api("DELETE", `/api/v1/trustedOrigins/${embed}`)).status).toBe(204);
    const partner = (await f.db.trustedOrigin.findFirstOrThrow({ where: { origin: "https://a-partner.example.com:8443" } })).id;
    const replaced = await f.api("PUT", `/api/v1/trustedOrigins/${partner}`, { name: "partner", origin: "https://a-partner.example.com:8443", scopes: [{ type: "CORS" }] });
    expect(replaced.status).toBe(200);
    f.clock.advance(1_000);
    expect(await hostedPageFraming(f.db, now())).toEqual(NO_FRAMING);
    const headers = await framingHeadersOf("/signin?return_to=/admin");
    expect(headers.csp).toMatch(NONCE_CSP("'none'"));
    expect(headers.xfo).toBe("DENY");
  });

  it("an origin another instance adds is seen here after the one-second version check, not before", async () => {
    f.clock.advance(1_000);
    expect(await hostedPageFraming(f.db, now())).toEqual(NO_FRAMING);
    const id = await asAnotherProcess(() => createOrigin("https://elsewhere.example.com", ["IFRAME_EMBED"]));
    expect(await hostedPageFraming(f.db, now())).toEqual(NO_FRAMING);
    f.clock.advance(1_000);
    expect(await hostedPageFraming(f.db, now())).toEqual({ frameAncestors: "'self' https://elsewhere.example.com", denyFraming: false });
    expect((await framingHeadersOf("/consent?request=r")).csp).toMatch(NONCE_CSP("'self' https://elsewhere.example.com"));
    await asAnotherProcess(() => f.api("DELETE", `/api/v1/trustedOrigins/${id}`));
    f.clock.advance(1_000);
    expect(await hostedPageFraming(f.db, now())).toEqual(NO_FRAMING);
  });
});
