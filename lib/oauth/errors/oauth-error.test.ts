import { describe, expect, it } from "vitest";
import { accessDenied, challengeHeader, insufficientScope, invalidClient, invalidGrant, invalidRequest, invalidScope, invalidToken, unauthorizedClient, unsupportedGrantType } from "./oauth-error";

describe("OAuth errors", () => {
  it.each([
    [invalidRequest("x"), "invalid_request", 400, null],
    [invalidClient("x"), "invalid_client", 401, 'Basic realm="IdP", error="invalid_client", error_description="x"'],
    [invalidGrant("x"), "invalid_grant", 400, null],
    [unauthorizedClient("x"), "unauthorized_client", 400, null],
    [unsupportedGrantType("x"), "unsupported_grant_type", 400, null],
    [invalidScope("x"), "invalid_scope", 400, null],
    [accessDenied("x"), "access_denied", 403, null],
    [invalidToken("x"), "invalid_token", 401, 'Bearer realm="IdP", error="invalid_token", error_description="x"'],
    [insufficientScope("x"), "insufficient_scope", 403, 'Bearer realm="IdP", error="insufficient_scope", error_description="x"'],
  ])("%s carries its wire code, status and challenge", (error, code, status, challenge) => {
    expect(error.error).toBe(code);
    expect(error.status).toBe(status);
    expect(challengeHeader(error)).toBe(challenge);
  });

  it("escapes quotes and backslashes in the challenge", () => {
    expect(challengeHeader(invalidToken('bad "token" \\ here'))).toBe('Bearer realm="IdP", error="invalid_token", error_description="bad \\"token\\" \\\\ here"');
  });
});
