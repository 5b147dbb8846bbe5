import { describe, expect, it } from "vitest";
import { buildSessionCookie, clearSessionCookie, readSessionCookie } from "./session-cookie";

const VALUE = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";

describe("buildSessionCookie / clearSessionCookie", () => {
  it.each([
    ["https org: Secure; SameSite=None", "https://id.example.com", `sid=${VALUE}; Max-Age=86400; Path=/; HttpOnly; Secure; SameSite=None`],
    ["http org (localhost): SameSite=Lax, no Secure", "http://localhost:3000", `sid=${VALUE}; Max-Age=86400; Path=/; HttpOnly; SameSite=Lax`],
    ["scheme compared case-insensitively", "HTTPS://ID.EXAMPLE.COM", `sid=${VALUE}; Max-Age=86400; Path=/; HttpOnly; Secure; SameSite=None`],
  ])("%s", (_name, orgUrl, expected) => {
    expect(buildSessionCookie(VALUE, { orgUrl, maxAgeSeconds: 86_400 })).toBe(expected);
  });

  it.each([
    ["https", "https://id.example.com", "sid=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=None"],
    ["http", "http://localhost:3000", "sid=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax"],
  ])("clearing on %s", (_name, orgUrl, expected) => {
    expect(clearSessionCookie({ orgUrl })).toBe(expected);
  });

  it("rounds Max-Age down and never below 0", () => {
    expect(buildSessionCookie(VALUE, { orgUrl: "http://x", maxAgeSeconds: 59.9 })).toContain("Max-Age=59;");
    expect(buildSessionCookie(VALUE, { orgUrl: "http://x", maxAgeSeconds: -5 })).toContain("Max-Age=0;");
  });

  it.each([["short"], [`${VALUE};x`], [`${VALUE}\r\nSet-Cookie: a=b`], [""]])("refuses a value that is not ours: %j", (value) => {
    expect(() => buildSessionCookie(value, { orgUrl: "http://x", maxAgeSeconds: 60 })).toThrow();
  });
});

describe("readSessionCookie", () => {
  it.each<[string, string | null, string | null]>([
    ["no header", null, null],
    ["empty header", "", null],
    ["only sid", `sid=${VALUE}`, VALUE],
    ["among other cookies, with spaces", `theme=dark; sid=${VALUE} ;lang=en`, VALUE],
    ["other cookies only", "theme=dark; lang=en", null],
    ["a cookie whose name ends in sid", `xsid=${VALUE}`, null],
    ["a cookie whose name starts with sid", `sidx=${VALUE}`, null],
    ["name case differs", `SID=${VALUE}`, null],
    ["duplicate sid (fixation through a parent domain)", `sid=${VALUE}; sid=${VALUE.replace("A", "B")}`, null],
    ["duplicate identical sid", `sid=${VALUE}; sid=${VALUE}`, null],
    ["empty value", "sid=", null],
    ["too short", "sid=abc", null],
    ["too long", `sid=${VALUE}x`, null],
    ["quoted", `sid="${VALUE}"`, null],
    ["foreign characters", `sid=${VALUE.slice(0, 42)}+`, null],
    ["malformed neighbours are ignored", `garbage; =x; sid=${VALUE}`, VALUE],
  ])("%s", (_name, header, expected) => {
    expect(readSessionCookie(header)).toBe(expected);
  });
});
