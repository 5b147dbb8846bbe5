import { describe, expect, it } from "vitest";
import { buildExpressionContext } from "./build-expression-context";
import { buildStandardClaims } from "./build-standard-claims";
import { listStandardClaimNames } from "./list-standard-claim-names";
import { makeTestUser } from "@/tests/support/make-test-user";

const user = (profile: Record<string, unknown>, overrides: Parameters<typeof makeTestUser>[0] = {}) =>
  makeTestUser({ profile: { login: "bob@example.com", email: "bob@example.com", firstName: "Bob", lastName: "Stone", ...profile }, login: "bob@example.com", lastUpdated: null, ...overrides });

describe("buildStandardClaims", () => {
  it("leaves out attributes without a value (never null)", () => {
    expect(buildStandardClaims(user({ middleName: null, nickName: "", timezone: "  " }), ["profile"])).toEqual({
      name: "Bob Stone",
      family_name: "Stone",
      given_name: "Bob",
      preferred_username: "bob@example.com",
    });
  });

  it("prefers displayName for name, and reads the OIDC-named custom attributes", () => {
    expect(
      buildStandardClaims(user({ displayName: "Bobby S.", picture: "https://example.com/b.png", website: "https://bob.example", gender: "male", birthdate: "1990-01-01" }), ["profile"]),
    ).toMatchObject({ name: "Bobby S.", picture: "https://example.com/b.png", website: "https://bob.example", gender: "male", birthdate: "1990-01-01" });
  });

  it("builds name from whichever of firstName and lastName exist", () => {
    expect(buildStandardClaims(user({ firstName: null, lastName: "Stone" }), ["profile"]).name).toBe("Stone");
  });

  it("writes locale as a BCP 47 tag", () => {
    expect(buildStandardClaims(user({ locale: "en_US" }), ["profile"]).locale).toBe("en-US");
  });

  it.each([
    ["ACTIVE", true],
    ["PASSWORD_EXPIRED", true],
    ["STAGED", false],
    ["PROVISIONED", false],
  ])("email_verified for a %s user is %s", (status, verified) => {
    expect(buildStandardClaims(user({}, { status }), ["email"])).toEqual({ email: "bob@example.com", email_verified: verified });
  });

  it("falls back to mobilePhone, and leaves phone claims out without a number", () => {
    expect(buildStandardClaims(user({ mobilePhone: "+1 555 0100" }), ["phone"])).toEqual({ phone_number: "+1 555 0100", phone_number_verified: false });
    expect(buildStandardClaims(user({}), ["phone"])).toEqual({});
  });

  it("builds the address from the parts that are set, and leaves it out when none is", () => {
    expect(buildStandardClaims(user({ city: "Paris", countryCode: "FR" }), ["address"])).toEqual({ address: { locality: "Paris", country: "FR" } });
    expect(buildStandardClaims(user({}), ["address"])).toEqual({});
  });

  it("ignores non-string attribute values", () => {
    expect(buildStandardClaims(user({ nickName: 42, middleName: ["x"] }), ["profile"])).not.toHaveProperty("nickname");
  });
});

describe("listStandardClaimNames", () => {
  it("names every claim of the granted scopes", () => {
    expect(listStandardClaimNames(["openid", "email", "phone"])).toEqual(["email", "email_verified", "phone_number", "phone_number_verified"]);
    expect(listStandardClaimNames(["profile"])).toHaveLength(14);
  });
});

describe("buildExpressionContext", () => {
  it("exposes the profile plus id and status (which win), and login when the profile lacks it", () => {
    const context = buildExpressionContext({
      user: makeTestUser({ profile: { id: "spoofed", status: "spoofed", firstName: "Al" } }),
      app: { id: "0oa1", clientId: "c1" },
      scopes: ["openid"],
      now: new Date(0),
    });
    expect(context.user).toEqual({ login: "alice@example.com", firstName: "Al", id: "00u1alice00000000000", status: "ACTIVE" });
    expect(context).toMatchObject({ appuser: null, app: { id: "0oa1", clientId: "c1" }, access: { scope: ["openid"] }, org: {}, now: new Date(0) });
    expect(context.groups).toHaveLength(4);
  });

  it("has a null user and no groups for client_credentials", () => {
    const context = buildExpressionContext({ user: null, app: { id: "0oa1", clientId: "c1" }, scopes: [], now: new Date(0) });
    expect(context.user).toBeNull();
    expect(context.groups).toEqual([]);
  });
});
