import { describe, expect, it } from "vitest";
import { encodeScriptJson } from "../../http/encode-script-json";
import { buildAuthorizationResponse } from "./build-authorization-response";

const ISS = "http://idp.test/oauth2/default";
const fixedRandom = (size: number) => Buffer.alloc(size, 7);
const NONCE = Buffer.alloc(16, 7).toString("base64");

describe("buildAuthorizationResponse", () => {
  it("query: 302, parameters appended (an existing query kept), iss last, never cached", () => {
    const res = buildAuthorizationResponse({ redirectUri: "https://app.example.com/cb?tenant=a", responseMode: "query", params: [["code", "c 1"], ["state", "s&1"]], issuer: ISS });
    expect(res.status).toBe(302);
    expect(res.headers).toEqual({ Location: "https://app.example.com/cb?tenant=a&code=c+1&state=s%261&iss=http%3A%2F%2Fidp.test%2Foauth2%2Fdefault", "Cache-Control": "no-store", Pragma: "no-cache", "Referrer-Policy": "no-referrer" });
  });

  it("fragment: parameters after #, numbers as text", () => {
    const res = buildAuthorizationResponse({ redirectUri: "https://app.example.com/cb", responseMode: "fragment", params: [["access_token", "at"], ["expires_in", 3600], ["state", "s"]], issuer: ISS });
    expect(res.headers?.Location).toBe(`https://app.example.com/cb#access_token=at&expires_in=3600&state=s&iss=${encodeURIComponent(ISS)}`);
  });

  it("form_post: an escaped auto-submitting form, script allowed by nonce only, a no-JS button, not frameable", () => {
    const res = buildAuthorizationResponse({
      redirectUri: 'https://app.example.com/cb?a=1&b="2"',
      responseMode: "form_post",
      params: [["code", "c"], ["state", '"><script>alert(1)</script>']],
      issuer: ISS,
      random: fixedRandom,
    });
    expect(res.status).toBe(200);
    expect(res.html).toContain('<form method="post" action="https://app.example.com/cb?a=1&amp;b=&quot;2&quot;">');
    expect(res.html).toContain('<input type="hidden" name="state" value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">');
    expect(res.html).toContain(`<input type="hidden" name="iss" value="${ISS}">`);
    expect(res.html).not.toContain("<script>alert");
    expect(res.html).toContain(`<script nonce="${NONCE}">document.forms[0].submit();</script>`);
    expect(res.html).toMatch(/<noscript>.*<button type="submit">Continue<\/button><\/noscript>/);
    expect(res.headers?.["Content-Security-Policy"]).toContain(`script-src 'nonce-${NONCE}'`);
    expect(res.headers?.["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers?.["X-Frame-Options"]).toBe("DENY");
    expect(res.headers?.["Cache-Control"]).toBe("no-store");
  });

  it("form_post and okta_post_message: their few words in the request's language", () => {
    const base = { redirectUri: "https://app.example.com/cb", params: [["code", "c"]] as const, issuer: ISS, random: fixedRandom, locale: "de" as const };
    const form = buildAuthorizationResponse({ ...base, responseMode: "form_post" });
    expect(form.html).toContain('<html lang="de">');
    expect(form.html).toContain("<title>Zurück zur Anwendung</title>");
    expect(form.html).toMatch(/<noscript><p>JavaScript ist ausgeschaltet\. .*<\/p><button type="submit">Weiter<\/button><\/noscript>/);
    const message = buildAuthorizationResponse({ ...base, responseMode: "okta_post_message", locale: "fr" });
    expect(message.html).toContain('<html lang="fr"><head><meta charset="utf-8"><title>Connexion en cours</title>');
  });

  it("okta_post_message: postMessage(DATA object, redirect origin), frameable by that origin only, no iss in DATA", () => {
    const res = buildAuthorizationResponse({
      redirectUri: "https://app.example.com:8443/implicit/callback",
      responseMode: "okta_post_message",
      params: [["error", "login_required"], ["error_description", "Not </script><!-- signed in \u2028"], ["state", "s"]],
      issuer: ISS,
      random: fixedRandom,
    });
    expect(res.status).toBe(200);
    const data = encodeScriptJson({ error: "login_required", error_description: "Not </script><!-- signed in \u2028", state: "s" });
    expect(res.html).toContain(`var data = ${data}; (window.opener || window.parent).postMessage(data, "https://app.example.com:8443");`);
    expect(res.html).not.toContain("</script><!--");
    expect(res.html).not.toContain("\u2028");
    expect(res.html).not.toContain('"*"');
    expect(res.headers?.["Content-Security-Policy"]).toContain("frame-ancestors https://app.example.com:8443");
    expect(res.headers?.["Content-Security-Policy"]).toContain(`script-src 'nonce-${NONCE}'`);
    expect(res.headers?.["X-Frame-Options"]).toBeUndefined();
    expect(res.headers?.["Cache-Control"]).toBe("no-store");
  });

  it("okta_post_message: expires_in stays a number in DATA", () => {
    const res = buildAuthorizationResponse({ redirectUri: "http://localhost:8080/cb", responseMode: "okta_post_message", params: [["access_token", "a"], ["expires_in", 3600], ["state", "s"]], issuer: ISS, random: fixedRandom });
    expect(res.html).toContain('{"access_token":"a","expires_in":3600,"state":"s"}');
    expect(res.html).toContain('postMessage(data, "http://localhost:8080")');
  });
});

describe("encodeScriptJson", () => {
  it.each([
    ["</script>", '"\\u003c/script\\u003e"'],
    ["<!--", '"\\u003c!--"'],
    ["a&b", '"a\\u0026b"'],
    ["\u2028\u2029", '"\\u2028\\u2029"'],
    ['quote " and \\', '"quote \\" and \\\\"'],
  ])("%j", (value, encoded) => {
    expect(encodeScriptJson(value)).toBe(encoded);
    expect(JSON.parse(encoded)).toBe(value);
  });
});
