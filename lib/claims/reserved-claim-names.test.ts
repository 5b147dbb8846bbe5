import { describe, expect, it } from "vitest";
import { isReservedClaimName, RESERVED_CLAIM_NAMES } from "./reserved-claim-names";

describe("isReservedClaimName", () => {
  it.each(["iss", "sub", "aud", "exp", "iat", "nbf", "jti", "cid", "uid", "scp", "ver", "auth_time", "amr", "idp", "nonce", "at_hash", "c_hash", "azp", "acr", "sid"])(
    "reserves %s (the brief's protocol claims)",
    (name) => {
      expect(RESERVED_CLAIM_NAMES.has(name)).toBe(true);
      expect(isReservedClaimName(name)).toBe(true);
    },
  );

  it.each(["ISS", "Sub", "AUTH_TIME"])("compares without regard to case: %s", (name) => {
    expect(isReservedClaimName(name)).toBe(true);
  });

  it.each(["groups", "email", "name", "carDriving", "issuer", "subject", "sub_id", "roles"])("leaves %s free", (name) => {
    expect(isReservedClaimName(name)).toBe(false);
  });
});
