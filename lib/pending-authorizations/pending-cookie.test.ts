import { describe, expect, it } from "vitest";
import { hashToken } from "../crypto/hash-token";
import { checkPendingCsrf, pendingCookie, readPendingCsrfToken } from "./pending-cookie";

const pending = { id: "ftx123", csrfHash: hashToken("tok") };

describe("pending authorization CSRF", () => {
  it("builds an HttpOnly, SameSite=Lax cookie per request; Secure on https", () => {
    expect(pendingCookie("ftx123", "tok", "http://idp.test")).toBe("authz_ftx123=tok; Path=/; Max-Age=600; HttpOnly; SameSite=Lax");
    expect(pendingCookie("ftx123", "tok", "https://idp.test")).toContain("; Secure");
  });

  it.each([
    ["cookie and field match the stored hash", "a=1; authz_ftx123=tok", "tok", true],
    ["no cookie", "a=1", "tok", false],
    ["another request's cookie", "authz_ftx999=tok", "tok", false],
    ["a cookie that does not hash to csrfHash", "authz_ftx123=other", "other", false],
    ["field differs from the cookie", "authz_ftx123=tok", "tok2", false],
    ["no field", "authz_ftx123=tok", null, false],
  ])("form post: %s", (_name, cookie, field, ok) => {
    expect(checkPendingCsrf(pending, cookie, field)).toBe(ok);
  });

  it("resume (no form field) needs only the matching cookie; the page reads the token from it", () => {
    expect(checkPendingCsrf(pending, "authz_ftx123=tok")).toBe(true);
    expect(checkPendingCsrf(pending, "authz_ftx123=bad")).toBe(false);
    expect(readPendingCsrfToken(pending, "authz_ftx123=tok")).toBe("tok");
    expect(readPendingCsrfToken(pending, "authz_ftx123=bad")).toBeNull();
    expect(readPendingCsrfToken(pending, null)).toBeNull();
  });
});
