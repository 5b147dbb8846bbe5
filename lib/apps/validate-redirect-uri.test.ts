import { describe, expect, it } from "vitest";
import type { ApplicationType } from "./client-metadata";
import { hasControlCharacter, isLoopbackHost, validateRedirectUri } from "./validate-redirect-uri";

describe("validateRedirectUri", () => {
  it.each<[string, ApplicationType]>([
    ["https://app.example.com/callback", "web"],
    ["https://app.example.com/callback?tenant=a", "browser"],
    ["https://app.example.com:8443/cb", "service"],
    ["http://localhost:3000/callback", "web"],
    ["http://localhost/cb", "browser"],
    ["http://127.0.0.1:8080/cb", "browser"],
    ["http://127.10.0.1/cb", "web"],
    ["http://[::1]:5000/cb", "native"],
    ["com.example.app:/oauth2redirect", "native"],
    ["myapp://callback", "native"],
    ["https://app.example.com/native", "native"],
  ])("accepts %s for a %s app", (uri, type) => {
    expect(validateRedirectUri(uri, type)).toBeNull();
  });

  it.each<[string, ApplicationType, string]>([
    ["http://app.example.com/cb", "web", "'http://app.example.com/cb' must use https; http is allowed only for localhost and loopback addresses."],
    ["http://localhost.evil.com/cb", "web", "'http://localhost.evil.com/cb' must use https; http is allowed only for localhost and loopback addresses."],
    ["http://127.0.0.1.nip.io/cb", "native", "'http://127.0.0.1.nip.io/cb' must use https; http is allowed only for localhost and loopback addresses."],
    ["https://app.example.com/cb#frag", "web", "'https://app.example.com/cb#frag' must not contain a fragment (#)."],
    ["/callback", "web", "'/callback' is not an absolute URI."],
    ["app.example.com/cb", "web", "'app.example.com/cb' is not an absolute URI."],
    ["https:app.example.com/cb", "web", "'https:app.example.com/cb' is not an absolute URI."],
    ["https://app.example.com/a b", "web", "'https://app.example.com/a b' is not an absolute URI."],
    ["https://app.example.com\\cb", "web", "'https://app.example.com\\cb' is not an absolute URI."],
    ["https://user:pw@app.example.com/cb", "web", "'https://user:pw@app.example.com/cb' must not contain user credentials."],
    ["https://*.example.com/cb", "web", "'https://*.example.com/cb' contains a wildcard; wildcards are not supported."],
    ["com.example.app:/cb", "web", "'com.example.app:/cb' uses a custom scheme; custom schemes are allowed only for native applications."],
    ["com.example.app:/cb", "browser", "'com.example.app:/cb' uses a custom scheme; custom schemes are allowed only for native applications."],
    ["javascript:alert(1)", "native", "'javascript:alert(1)' uses the 'javascript' scheme, which is not allowed."],
    ["data:text/html,hi", "native", "'data:text/html,hi' uses the 'data' scheme, which is not allowed."],
    ["file:///etc/passwd", "native", "'file:///etc/passwd' uses the 'file' scheme, which is not allowed."],
    [`https://app.example.com/${"a".repeat(1100)}`, "web", `'https://app.example.com/${"a".repeat(53)}...' is longer than 1024 characters.`],
  ])("rejects %s for a %s app", (uri, type, message) => {
    expect(validateRedirectUri(uri, type)).toBe(message);
  });

  // Control characters: C0 (NUL..US, TAB, CR, LF), DEL, C1; each shown escaped in the message.
  it.each<[string, string, ApplicationType, string]>([
    ["NUL", "https://app.example.com/cb\u0000", "web", "\\u0000"],
    ["TAB", "https://app.example.com/c\tb", "web", "\\u0009"],
    ["CR LF", "http://127.0.0.1:8080/cb\r\nSet-Cookie: x=1", "native", "\\u000d\\u000a"],
    ["LF at the end", "https://app.example.com/cb\n", "browser", "\\u000a"],
    ["a leading control", "\u0001https://app.example.com/cb", "web", "\\u0001"],
    ["ESC", "myapp://cb\u001b[0m", "native", "\\u001b"],
    ["DEL", "https://app.example.com/cb\u007f", "web", "\\u007f"],
    ["C1 NEL", "https://app.example.com/cb\u0085", "web", "\\u0085"],
    ["C1 CSI", "https://app.example.com/cb\u009b", "service", "\\u009b"],
  ])("rejects a redirect URI with %s", (_, uri, type, shown) => {
    const message = validateRedirectUri(uri, type);
    expect(message).toMatch(/contains a control character \(such as NUL, TAB, CR or LF\)\.$/);
    expect(message).toContain(shown);
    expect(hasControlCharacter(message!)).toBe(false);
  });

  it.each([
    ["https://app.example.com/cb", false],
    ["https://app.example.com/caf\u00e9?q=\u00a0", false],
    ["https://app.example.com/\u2028", false],
    ["\u0000", true],
    ["\u001f", true],
    ["\u007f", true],
    ["\u009f", true],
  ])("hasControlCharacter(%j) is %s", (value, expected) => {
    expect(hasControlCharacter(value)).toBe(expected);
  });

  it.each([
    ["localhost", true],
    ["127.0.0.1", true],
    ["127.255.255.254", true],
    ["[::1]", true],
    ["localhost.example.com", false],
    ["128.0.0.1", false],
    ["example.com", false],
  ])("treats %s as loopback: %s", (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});
