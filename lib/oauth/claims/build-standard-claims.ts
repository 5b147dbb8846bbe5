import type { ClaimsUser } from "./types";

/** The OIDC standard claims each scope gives (OIDC Core 5.4), in the order tokens list them. */
export const STANDARD_CLAIMS_BY_SCOPE: Readonly<Record<"profile" | "email" | "address" | "phone", readonly string[]>> = {
  profile: ["name", "family_name", "given_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at"],
  email: ["email", "email_verified"],
  address: ["address"],
  phone: ["phone_number", "phone_number_verified"],
};

const SCOPE_ORDER = ["profile", "email", "address", "phone"] as const;

/** Users whose email address has not been confirmed through activation. */
const UNVERIFIED_STATUSES: ReadonlySet<string> = new Set(["STAGED", "PROVISIONED"]);

/**
 * The OIDC standard claims for the granted scopes, read from the Okta profile (pure). Claims without
 * a value are left out (OIDC Core 5.3.2), never sent as null. Mapping (Okta's default profile
 * attributes; the OIDC-named custom attributes where Okta has none):
 *
 * - profile: name = displayName, else "firstName lastName"; family_name = lastName; given_name =
 *   firstName; middle_name = middleName; nickname = nickName; preferred_username = the login;
 *   profile = profileUrl; picture, website, gender, birthdate = the attributes of those names;
 *   zoneinfo = timezone; locale = locale as a BCP 47 tag ("en_US" -> "en-US"); updated_at = the
 *   user's lastUpdated in epoch seconds.
 * - email: email; email_verified = true once the user has been activated (not STAGED/PROVISIONED).
 * - address: {street_address, locality, region, postal_code, country} from streetAddress, city,
 *   state, zipCode, countryCode (only the parts that are set; left out when none is).
 * - phone: phone_number = primaryPhone, else mobilePhone; phone_number_verified = false (this server
 *   never verifies phone numbers).
 */
export function buildStandardClaims(user: ClaimsUser, scopes: readonly string[]): Record<string, unknown> {
  const p = user.profile;
  const out: Record<string, unknown> = {};
  const set = (name: string, value: unknown) => {
    if (value !== null && value !== undefined) out[name] = value;
  };
  for (const scope of SCOPE_ORDER) {
    if (!scopes.includes(scope)) continue;
    if (scope === "profile") {
      const given = text(p.firstName);
      const family = text(p.lastName);
      set("name", text(p.displayName) ?? (([given, family].filter(Boolean).join(" ") || null)));
      set("family_name", family);
      set("given_name", given);
      set("middle_name", text(p.middleName));
      set("nickname", text(p.nickName));
      set("preferred_username", text(user.login));
      set("profile", text(p.profileUrl));
      set("picture", text(p.picture));
      set("website", text(p.website));
      set("gender", text(p.gender));
      set("birthdate", text(p.birthdate));
      set("zoneinfo", text(p.timezone));
      set("locale", text(p.locale)?.replace(/_/g, "-") ?? null);
      set("updated_at", user.lastUpdated ? Math.floor(user.lastUpdated.getTime() / 1000) : null);
    } else if (scope === "email") {
      const email = text(p.email);
      set("email", email);
      if (email) set("email_verified", !UNVERIFIED_STATUSES.has(user.status));
    } else if (scope === "address") {
      const address: Record<string, string> = {};
      const part = (name: string, value: unknown) => {
        const v = text(value);
        if (v) address[name] = v;
      };
      part("street_address", p.streetAddress);
      part("locality", p.city);
      part("region", p.state);
      part("postal_code", p.zipCode);
      part("country", p.countryCode);
      if (Object.keys(address).length > 0) set("address", address);
    } else {
      const phone = text(p.primaryPhone) ?? text(p.mobilePhone);
      set("phone_number", phone);
      if (phone) set("phone_number_verified", false);
    }
  }
  return out;
}

/** A non-blank string, or null. */
function text(value: unknown): string | null {
  return typeof value === "string" && value.trim().length > 0 ? value : null;
}
