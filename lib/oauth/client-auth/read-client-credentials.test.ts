import { describe, expect, it } from "vitest";
import { challengeHeader, OAuthError } from "../errors/oauth-error";
import { CLIENT_AUTH_MESSAGES } from "./client-auth-messages";
import { JWT_BEARER_ASSERTION_TYPE, readClientCredentials, type PresentedCredentials } from "./read-client-credentials";

const b64 = (text: string) => `Basic ${Buffer.from(text, "utf8").toString("base64")}`;
const params = (entries: Record<string, string>) => new Map(Object.entries(entries));
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwb2FBIn0.c2ln";
const assertion = { client_assertion: JWT, client_assertion_type: JWT_BEARER_ASSERTION_TYPE };

function failure(run: () => unknown): { error: string; description: string; status: number; challenge: string | null } {
  try {
    run();
  } catch (error) {
    if (error instanceof OAuthError) return { error: error.error, description: error.description, status: error.status, challenge: challengeHeader(error) };
    throw error;
  }
  throw new Error("expected an OAuthError");
}

describe("readClientCredentials", () => {
  it.each<[string, string | null, Record<string, string>, PresentedCredentials]>([
    ["client_secret_basic", b64("0oaA:secret"), {}, { kind: "secret", method: "client_secret_basic", clientId: "0oaA", secrets: ["secret"] }],
    ["client_secret_basic with the same client_id in the body", b64("0oaA:secret"), { client_id: "0oaA" }, { kind: "secret", method: "client_secret_basic", clientId: "0oaA", secrets: ["secret"] }],
    ["client_secret_post", null, { client_id: "0oaA", client_secret: "secret" }, { kind: "secret", method: "client_secret_post", clientId: "0oaA", secrets: ["secret"] }],
    ["a client assertion with client_id", null, { client_id: "0oaA", ...assertion }, { kind: "assertion", clientId: "0oaA", assertion: JWT }],
    ["a client assertion without client_id", null, assertion, { kind: "assertion", clientId: null, assertion: JWT }],
    ["a public client by client_id in the body", null, { client_id: "0oaSpa" }, { kind: "none", clientId: "0oaSpa" }],
    ["a public client by Basic with no colon", b64("0oaSpa"), {}, { kind: "none", clientId: "0oaSpa" }],
    ["a public client by Basic with no colon and client_id in the body", b64("0oaSpa"), { client_id: "0oaSpa" }, { kind: "none", clientId: "0oaSpa" }],
    ["an empty Authorization header as no header", "  ", { client_id: "0oaSpa" }, { kind: "none", clientId: "0oaSpa" }],
    ["other parameters as irrelevant", null, { client_id: "0oaA", client_secret: "s", grant_type: "client_credentials", token: "x" }, { kind: "secret", method: "client_secret_post", clientId: "0oaA", secrets: ["s"] }],
  ])("reads %s", (_, authorization, body, expected) => {
    expect(readClientCredentials(authorization, params(body))).toEqual(expected);
  });

  type Failure = { error: string; description: string; status: number; challenge: string | null };
  const badRequest = (description: string): Failure => ({ error: "invalid_request", description, status: 400, challenge: null });
  const unauthorized = (description: string): Failure => ({
    error: "invalid_client",
    description,
    status: 401,
    challenge: `Basic realm="IdP", error="invalid_client", error_description="${description}"`,
  });
  it.each<[string, string | null, Record<string, string>, Failure]>([
    ["nothing at all", null, {}, unauthorized(CLIENT_AUTH_MESSAGES.noCredentials)],
    ["only unrelated parameters", null, { grant_type: "client_credentials" }, unauthorized(CLIENT_AUTH_MESSAGES.noCredentials)],
    ["a Bearer header", "Bearer abc", { client_id: "0oaA" }, unauthorized(CLIENT_AUTH_MESSAGES.headerScheme)],
    ["a malformed Basic header", "Basic %%%", {}, badRequest(CLIENT_AUTH_MESSAGES.headerMalformed)],
    ["Basic and client_secret", b64("0oaA:secret"), { client_secret: "secret" }, badRequest(CLIENT_AUTH_MESSAGES.multipleCredentials)],
    ["Basic and client_secret with client_id", b64("0oaA:secret"), { client_id: "0oaA", client_secret: "secret" }, badRequest(CLIENT_AUTH_MESSAGES.multipleCredentials)],
    ["Basic and a client assertion", b64("0oaA:secret"), assertion, badRequest(CLIENT_AUTH_MESSAGES.multipleCredentials)],
    ["the public Basic form and client_secret", b64("0oaA"), { client_id: "0oaA", client_secret: "secret" }, badRequest(CLIENT_AUTH_MESSAGES.multipleCredentials)],
    ["client_secret and a client assertion", null, { client_id: "0oaA", client_secret: "secret", ...assertion }, badRequest(CLIENT_AUTH_MESSAGES.multipleCredentials)],
    ["a client_id that disagrees with Basic", b64("0oaA:secret"), { client_id: "0oaB" }, badRequest(CLIENT_AUTH_MESSAGES.clientIdMismatch)],
    ["a client_id that disagrees with the public Basic form", b64("0oaA"), { client_id: "0oaB" }, badRequest(CLIENT_AUTH_MESSAGES.clientIdMismatch)],
    ["client_secret without client_id", null, { client_secret: "secret" }, badRequest(CLIENT_AUTH_MESSAGES.secretWithoutClientId)],
    ["client_assertion without its type", null, { client_id: "0oaA", client_assertion: JWT }, badRequest(CLIENT_AUTH_MESSAGES.assertionIncomplete)],
    ["client_assertion_type without the assertion", null, { client_id: "0oaA", client_assertion_type: JWT_BEARER_ASSERTION_TYPE }, badRequest(CLIENT_AUTH_MESSAGES.assertionIncomplete)],
    ["an unknown client_assertion_type", null, { client_assertion: JWT, client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:saml2-bearer" }, badRequest(CLIENT_AUTH_MESSAGES.assertionTypeInvalid)],
  ])("rejects %s", (_, authorization, body, expected) => {
    expect(failure(() => readClientCredentials(authorization, params(body)))).toEqual(expected);
  });
});
