import { describe, expect, it } from "vitest";
import { challengeHeader, OAuthError } from "../errors/oauth-error";
import { CLIENT_AUTH_MESSAGES } from "./client-auth-messages";
import { parseBasicAuthorization } from "./parse-basic-authorization";

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
/** RFC 6749 2.3.1 as oauth4webapi does it: form-urlencode each part, join with ':', base64. */
const form = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");
const basic = (id: string, secret: string) => `Basic ${b64(`${form(id)}:${form(secret)}`)}`;

function failure(run: () => unknown): { error: string; description: string; status: number; challenge: string | null } {
  try {
    run();
  } catch (error) {
    if (error instanceof OAuthError) return { error: error.error, description: error.description, status: error.status, challenge: challengeHeader(error) };
    throw error;
  }
  throw new Error("expected an OAuthError");
}

describe("parseBasicAuthorization", () => {
  it.each([
    ["a plain id and secret", `Basic ${b64("0oaClient:s3cr3t")}`, "0oaClient", ["s3cr3t"]],
    ["the scheme in any case", `bAsIc ${b64("0oaClient:s3cr3t")}`, "0oaClient", ["s3cr3t"]],
    ["surrounding and inner whitespace", `  Basic   ${b64("0oaClient:s3cr3t")}  `, "0oaClient", ["s3cr3t"]],
    ["unpadded base64", `Basic ${b64("0oaClient:s3cr3t1").replace(/=+$/, "")}`, "0oaClient", ["s3cr3t1"]],
    // RFC 6749 2.3.1: both parts form-urlencoded, so ':' '%' '+' and ' ' survive the round trip.
    ["':' and '%' in the id and the secret, encoded", basic("my:client%", "se:cr%et"), "my:client%", ["se:cr%et", "se%3Acr%25et"]],
    ["'+' in the secret, encoded", basic("0oaClient", "a+b/c=d"), "0oaClient", ["a+b/c=d", "a%2Bb%2Fc%3Dd"]],
    ["a space in the secret, encoded as '+'", basic("0oaClient", "a b"), "0oaClient", ["a b", "a+b"]],
    ["a non-ASCII id", basic("clïent", "secret"), "clïent", ["secret"]],
    // Sent without encoding (okta-auth-js, curl -u): the secret is also tried as sent.
    ["an unencoded secret with colons: split at the first colon", `Basic ${b64("0oaClient:se:cr:et")}`, "0oaClient", ["se:cr:et"]],
    ["an unencoded '+' in the secret", `Basic ${b64("0oaClient:a+b")}`, "0oaClient", ["a b", "a+b"]],
    ["an unencoded '%' that is not an escape", `Basic ${b64("0oaClient:100%sure")}`, "0oaClient", ["100%sure"]],
    ["an unencoded '%41' (read both ways)", `Basic ${b64("0oaClient:x%41y")}`, "0oaClient", ["xAy", "x%41y"]],
    // Public clients: okta-auth-js sends base64(clientId) with no colon on /revoke and /introspect.
    ["the public form: no colon", `Basic ${b64("0oaPublicSpa")}`, "0oaPublicSpa", null],
    ["the public form: an empty secret", `Basic ${b64("0oaPublicSpa:")}`, "0oaPublicSpa", null],
  ])("reads %s", (_, header, clientId, secrets) => {
    expect(parseBasicAuthorization(header)).toEqual({ clientId, secrets });
  });

  const malformed = { error: "invalid_request", description: CLIENT_AUTH_MESSAGES.headerMalformed, status: 400, challenge: null };
  it.each([
    ["no credentials after the scheme", "Basic"],
    ["only whitespace after the scheme", "Basic    "],
    ["characters outside base64", "Basic !!!!"],
    ["base64url characters", `Basic ${Buffer.from([0xfb, 0xff, 0x3a, 0x61]).toString("base64url")}`],
    ["a base64 length that cannot be", "Basic YWJjZ"],
    ["padding that does not fit the length", "Basic YWJjZA="],
    ["too much padding", "Basic YWI==="],
    ["bytes that are not UTF-8", `Basic ${Buffer.from([0x61, 0xff, 0xfe, 0x3a, 0x62]).toString("base64")}`],
    ["an empty client id", `Basic ${b64(":secret")}`],
    ["an empty header value", `Basic ${b64("")}`],
    ["a broken percent escape in the id", `Basic ${b64("0oa%zz:secret")}`],
    ["a control character", `Basic ${b64("0oaClient:sec\u0000ret")}`],
    ["a control character encoded in the id", `Basic ${b64("0oa%0AClient:secret")}`],
    ["two headers joined by a comma", `Basic ${b64("a:b")}, Basic ${b64("c:d")}`],
    ["a header far longer than any credentials", `Basic ${"QUFB".repeat(1100)}`],
  ])("rejects %s as invalid_request", (_, header) => {
    expect(failure(() => parseBasicAuthorization(header))).toEqual(malformed);
  });

  it.each([
    ["Bearer", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig"],
    ["DPoP", "DPoP abc"],
    ["SSWS", "SSWS 00abc"],
    ["a scheme glued to the credentials", `Basic${b64("a:b")}`],
  ])("rejects the %s scheme as invalid_client with a Basic challenge", (_, header) => {
    expect(failure(() => parseBasicAuthorization(header))).toEqual({
      error: "invalid_client",
      description: CLIENT_AUTH_MESSAGES.headerScheme,
      status: 401,
      challenge: `Basic realm="IdP", error="invalid_client", error_description="${CLIENT_AUTH_MESSAGES.headerScheme}"`,
    });
  });
});
