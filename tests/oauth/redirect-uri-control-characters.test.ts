import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTHORIZE_MESSAGES as M } from "@/lib/oauth/authorize/authorize-messages";
import { testProviders } from "../support/test-databases";
import { CHALLENGE, createAuthorizeFixture, type AuthorizeFixture } from "./authorize-fixture";
import type { TestApp } from "./token-fixture";

/**
 * Redirect URIs holding control characters (C0 such as NUL, TAB, CR, LF; DEL; C1): refused at
 * registration (Apps API, dynamic client registration) and at /authorize with an error page, never a
 * redirect. Before the rule a native app's loopback redirect_uri with CR/LF matched (the URL parser
 * drops them) and /authorize answered 500 writing it into Location; a TAB went into Location raw.
 */
const LOOPBACK = "http://127.0.0.1/native/cb";
const CONTROLS: Array<[string, string]> = [
  ["CR LF", "\r\n"],
  ["LF", "\n"],
  ["TAB", "\t"],
  ["NUL", "\u0000"],
  ["ESC", "\u001b"],
  ["DEL", "\u007f"],
  ["C1 NEL", "\u0085"],
];

describe.each(testProviders())("redirect URIs with control characters on %s", (provider) => {
  let a: AuthorizeFixture;
  let native: TestApp;

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
    native = await a.app("Native", { application_type: "native", redirect_uris: [LOOPBACK], grant_types: ["authorization_code"] }, { token_endpoint_auth_method: "none" });
  });
  afterAll(() => a.f.close());

  const appBody = (redirectUri: string) => ({
    name: "oidc_client",
    label: "Controls",
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "none" } },
    settings: { oauthClient: { application_type: "native", redirect_uris: [redirectUri], grant_types: ["authorization_code"], response_types: ["code"] } },
  });

  it.each(CONTROLS)("the Apps API refuses a redirect URI with %s (400 E0000001) and creates nothing", async (_, control) => {
    const before = await a.f.db.app.count();
    const res = await a.f.api("POST", "/api/v1/apps", appBody(`http://127.0.0.1:8080/cb${control}x`));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errorCode: "E0000001" });
    const causes = (res.body as { errorCauses: Array<{ errorSummary: string }> }).errorCauses.map((cause) => cause.errorSummary).join(" ");
    expect(causes).toContain("contains a control character (such as NUL, TAB, CR or LF).");
    expect(causes).not.toContain(control);
    expect(await a.f.db.app.count()).toBe(before);
  });

  it.each(CONTROLS)("dynamic client registration refuses a redirect URI with %s (invalid_redirect_uri) and creates nothing", async (_, control) => {
    const before = await a.f.db.app.count();
    const res = await a.f.api("POST", "/oauth2/v1/clients", { client_name: "Controls", application_type: "native", redirect_uris: [`myapp://cb${control}`], token_endpoint_auth_method: "none" });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "invalid_redirect_uri" });
    expect((res.body as { error_description: string }).error_description).toContain("contains a control character");
    expect(await a.f.db.app.count()).toBe(before);
  });

  it("a post-logout redirect URI with NUL is refused too", async () => {
    const body = appBody("http://127.0.0.1:8080/cb");
    const res = await a.f.api("POST", "/api/v1/apps", { ...body, settings: { oauthClient: { ...body.settings.oauthClient, post_logout_redirect_uris: ["http://127.0.0.1:8080/out\u0000"] } } });
    expect(res.status).toBe(400);
  });

  const params = (redirectUri: string) => ({
    client_id: native.clientId,
    redirect_uri: redirectUri,
    response_type: "code",
    scope: "openid",
    state: "st-1",
    code_challenge: CHALLENGE,
    code_challenge_method: "S256",
  });

  it("the loopback redirect URI itself, on any port, is accepted (on to sign-in)", async () => {
    const res = await a.authorize(params("http://127.0.0.1:51234/native/cb"));
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/\/signin\?request=ftx/);
  });

  it.each(
    CONTROLS.flatMap(([name, control]): Array<[string, string]> => [
      [`${name} at the end of a native loopback URI on another port`, `http://127.0.0.1:51234/native/cb${control}`],
      [`${name} inside the registered URI`, `http://127.0.0.1/native/${control}cb`],
      [`${name} with a header after it`, `http://127.0.0.1:51234/native/cb${control}Set-Cookie: sid=x`],
    ]),
  )("/authorize with %s: a 400 error page, never a redirect", async (_, redirectUri) => {
    for (const method of ["GET", "POST"] as const) {
      const res = await a.authorize(params(redirectUri), { method });
      expect(res.status).toBe(400);
      expect(res.location).toBeNull();
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.text).toContain(M.redirectUriControlCharacter.replace(/'/g, "&#39;"));
      expect(res.setCookies).toEqual([]);
    }
  });
});
