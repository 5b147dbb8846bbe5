import { describe, expect, it } from "vitest";
import { frameProtected } from "./frame-protected";

describe("frameProtected", () => {
  it("adds the anti-framing headers to a redirect and keeps its own", () => {
    expect(frameProtected({ status: 302, headers: { Location: "https://app.example.com/cb?code=x" } })).toEqual({
      status: 302,
      headers: { "X-Frame-Options": "DENY", "Content-Security-Policy": "frame-ancestors 'none'; base-uri 'none'; object-src 'none'", Location: "https://app.example.com/cb?code=x" },
    });
  });

  it("adds them to an answer without headers", () => {
    expect(frameProtected({ status: 404, body: { error: "not_found" } }).headers).toMatchObject({ "X-Frame-Options": "DENY" });
  });

  it("leaves a page that sets its own framing policy alone (okta_post_message: frameable by the app's origin)", () => {
    const page = { status: 200, headers: { "content-security-policy": "frame-ancestors https://app.example.com" }, html: "<p>" };
    expect(frameProtected(page)).toBe(page);
  });
});
