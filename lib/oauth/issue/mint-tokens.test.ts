import { generateKeyPairSync } from "node:crypto";
import { decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import type { OAuthClient } from "../../apps/oauth-client";
import type { SigningKey } from "../../keys/load-signing-key";
import { computeTokenHash } from "../claims/compute-token-hash";
import { makeTestUser } from "@/tests/support/make-test-user";
import { ORG_IDP_ID } from "../claims/org-idp-id";
import { makeTestSnapshot } from "@/tests/support/make-test-snapshot";
import { mintAccessToken } from "./mint-access-token";
import { mintIdToken } from "./mint-id-token";

const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
const key: SigningKey = { kid: "kid-1", alg: "RS256", privateKey: pair.privateKey };
const ISSUER = "https://idp.example.com/oauth2/default";
const now = new Date("2026-01-15T10:00:00.500Z");
const iat = Math.floor(now.getTime() / 1000);
/** Deterministic randomness: byte i of every draw is i. */
const random = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => i));

const client: OAuthClient = {
  appId: "0oaApp00000000000001",
  clientId: "client-1",
  label: "App",
  status: "ACTIVE",
  applicationType: "web",
  tokenEndpointAuthMethod: "client_secret_basic",
  isConfidential: true,
  usesClientSecret: true,
  pkceRequired: false,
  redirectUris: [],
  postLogoutRedirectUris: [],
  grantTypes: ["authorization_code"],
  responseTypes: ["code"],
  consentMethod: "TRUSTED",
  initiateLoginUri: null,
  clientUri: null,
  logoUri: null,
  jwks: null,
  lastUpdated: now,
  oktaScopeGrants: [],
};

const verify = async (token: string) => (await jwtVerify(token, pair.publicKey, { algorithms: ["RS256"], currentDate: now })).payload;

describe("mintAccessToken", () => {
  const snapshot = makeTestSnapshot({ claims: [{ name: "team", value: "user.department" }, { name: "broken", value: "user.displayName" }] });

  it("signs Okta's claims with {alg: RS256, kid}; the user grant's id ends the jti", async () => {
    const user = makeTestUser();
    const minted = await mintAccessToken({ snapshot, issuer: ISSUER, client, user, scopes: ["openid", "api"], grantId: "grant1", authTime: new Date("2026-01-15T09:59:00Z"), lifetimeMinutes: 30, now, key, random });
    expect(decodeProtectedHeader(minted.token)).toEqual({ alg: "RS256", kid: "kid-1" });
    const jti = `AT.${random(16).toString("base64url")}.grant1`;
    expect(await verify(minted.token)).toEqual({
      ver: 1,
      jti,
      iss: ISSUER,
      aud: "api://default",
      iat,
      exp: iat + 1800,
      cid: "client-1",
      uid: user.id,
      scp: ["openid", "api"],
      auth_time: iat - 60,
      sub: user.login,
      team: "Wonder",
    });
    expect(minted.expiresIn).toBe(1800);
    expect(minted.claims.jti).toBe(jti);
    expect(minted.warnings.map((warning) => warning.claimName)).toEqual(["broken"]);
  });

  it("client_credentials: sub = client id, no uid or auth_time, a plain AT. jti", async () => {
    const minted = await mintAccessToken({ snapshot: makeTestSnapshot({}), issuer: ISSUER, client, user: null, scopes: ["api"], grantId: null, lifetimeMinutes: 60, now, key, random });
    expect(await verify(minted.token)).toEqual({ ver: 1, jti: `AT.${random(16).toString("base64url")}`, iss: ISSUER, aud: "api://default", iat, exp: iat + 3600, cid: "client-1", scp: ["api"], sub: "client-1" });
  });
});

describe("mintIdToken", () => {
  it("signs an ID token: 1 h, amr pwd, Okta's idp, nonce when given, at_hash, no claims withheld from tokens", async () => {
    const user = makeTestUser();
    const minted = await mintIdToken({ snapshot: makeTestSnapshot({}), issuer: ISSUER, client, user, scopes: ["openid", "email"], authTime: new Date("2026-01-15T09:00:00Z"), nonce: "n1", accessToken: "at.value", now, key, random });
    expect(decodeProtectedHeader(minted.token)).toEqual({ alg: "RS256", kid: "kid-1" });
    expect(await verify(minted.token)).toEqual({
      sub: user.id,
      email: "alice@example.com",
      email_verified: true,
      ver: 1,
      iss: ISSUER,
      aud: "client-1",
      iat,
      exp: iat + 3600,
      jti: `ID.${random(16).toString("base64url")}`,
      amr: ["pwd"],
      idp: ORG_IDP_ID,
      nonce: "n1",
      auth_time: Math.floor(new Date("2026-01-15T09:00:00Z").getTime() / 1000),
      at_hash: computeTokenHash("at.value"),
    });
  });

  it("leaves nonce out when there is none", async () => {
    const minted = await mintIdToken({ snapshot: makeTestSnapshot({}), issuer: ISSUER, client, user: makeTestUser(), scopes: ["openid"], authTime: now, accessToken: "x", now, key });
    expect(await verify(minted.token)).not.toHaveProperty("nonce");
  });
});
