import type { ClaimsUser } from "@/lib/oauth/claims/types";

/** Test support (claim builder unit tests): a fully populated user, overridable. */
export function makeTestUser(overrides: Partial<ClaimsUser> = {}): ClaimsUser {
  return {
    id: "00u1alice00000000000",
    login: "alice@example.com",
    status: "ACTIVE",
    profile: {
      login: "alice@example.com",
      email: "alice@example.com",
      firstName: "Alice",
      lastName: "Liddell",
      middleName: "Pleasance",
      nickName: "Al",
      displayName: null,
      profileUrl: "https://example.com/alice",
      timezone: "Europe/London",
      locale: "en_GB",
      streetAddress: "1 Rabbit Hole",
      city: "Oxford",
      state: "Oxfordshire",
      zipCode: "OX1 1AA",
      countryCode: "GB",
      primaryPhone: "+44 1865 000000",
      mobilePhone: "+44 7700 900000",
      department: "Wonder",
      costCenter: null,
      employeeNumber: "42",
    },
    groups: [
      { id: "00geveryone000000000", name: "Everyone" },
      { id: "00gengineering000000", name: "Engineering" },
      { id: "00gengmanagers000000", name: "eng-managers" },
      { id: "00gsales000000000000", name: "Sales" },
    ],
    lastUpdated: new Date("2026-01-01T00:00:00Z"),
    ...overrides,
  };
}
