import { describe, expect, it } from "vitest";
import type { AccessTokenView } from "../verify/types";
import { buildAccessTokenIntrospection } from "./build-access-token-introspection";

const claims = {
  ver: 1,
  jti: "AT.7P4KlczBYVcWLkxduEuKeZfeiNYkZIC9uGJ28Cc-YaI",
  iss: "https://your-org.okta.com/oauth2/orsmsg0aWLdnF3spV0g3",
  aud: "https://api.example.com",
  iat: 1451602800,
  exp: 1451606400,
  cid: "a9VpZDRCeFh3Nkk2VdYa",
  uid: "00uid4BxXw6I6TV4m0g3",
  scp: ["openid", "email", "flights", "custom"],
  auth_time: 1451602700,
  sub: "john.doe@example.com",
  number_of_flights: 2,
  flight_number: ["AX102", "CT508"],
  custom_claim: "CustomValue",
};

const view = (payload: Record<string, unknown>): AccessTokenView => ({
  jti: payload.jti as string,
  clientId: payload.cid as string,
  userId: (payload.uid as string | undefined) ?? null,
  subject: payload.sub as string,
  scopes: payload.scp as string[],
  issuedAt: payload.iat as number,
  expiresAt: payload.exp as number,
  aud: payload.aud as string,
  iss: payload.iss as string,
  claims: payload,
});

describe("buildAccessTokenIntrospection", () => {
  it("answers the spec's example, member for member and in its order", () => {
    const body = buildAccessTokenIntrospection(view(claims));
    const expected = {
      active: true,
      token_type: "Bearer",
      scope: "openid email flights custom",
      client_id: "a9VpZDRCeFh3Nkk2VdYa",
      username: "john.doe@example.com",
      exp: 1451606400,
      iat: 1451602800,
      sub: "john.doe@example.com",
      aud: "https://api.example.com",
      iss: "https://your-org.okta.com/oauth2/orsmsg0aWLdnF3spV0g3",
      jti: "AT.7P4KlczBYVcWLkxduEuKeZfeiNYkZIC9uGJ28Cc-YaI",
      uid: "00uid4BxXw6I6TV4m0g3",
      number_of_flights: 2,
      flight_number: ["AX102", "CT508"],
      custom_claim: "CustomValue",
    };
    expect(JSON.stringify(body)).toBe(JSON.stringify(expected));
  });

  it("leaves out username and uid for a client_credentials token, and adds nbf when the token has one", () => {
    const { uid: _uid, auth_time: _authTime, ...cc } = claims;
    void _uid;
    void _authTime;
    const body = buildAccessTokenIntrospection(view({ ...cc, sub: "a9VpZDRCeFh3Nkk2VdYa", nbf: 1451602800 }));
    expect(Object.keys(body)).toEqual(["active", "token_type", "scope", "client_id", "exp", "iat", "nbf", "sub", "aud", "iss", "jti", "number_of_flights", "flight_number", "custom_claim"]);
    expect(body).toMatchObject({ sub: "a9VpZDRCeFh3Nkk2VdYa", nbf: 1451602800 });
  });

  it("keeps an array audience and a custom claim named __proto__ as an ordinary member", () => {
    const payload = JSON.parse(`{"__proto__": {"polluted": true}}`) as Record<string, unknown>;
    const body = buildAccessTokenIntrospection(view({ ...claims, aud: ["a", "b"], ...payload }));
    expect(body.aud).toEqual(["a", "b"]);
    expect(Object.hasOwn(body, "__proto__")).toBe(true);
    expect((body as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
