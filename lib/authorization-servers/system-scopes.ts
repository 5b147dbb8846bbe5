/** The OpenID Connect scopes every authorization server has (OIDC Core 5.4, plus offline_access). */
export const SYSTEM_SCOPES = [
  { name: "openid", displayName: "openid", description: "Signals that a request is an OpenID request.", consent: "IMPLICIT" },
  {
    name: "profile",
    displayName: "profile",
    description:
      "Allows access to the end user's default profile claims: name, family_name, given_name, middle_name, nickname, preferred_username, profile, picture, website, gender, birthdate, zoneinfo, locale, and updated_at.",
    consent: "REQUIRED",
  },
  { name: "email", displayName: "email", description: "Allows access to the email and email_verified claims.", consent: "REQUIRED" },
  { name: "address", displayName: "address", description: "Allows access to the address claim.", consent: "REQUIRED" },
  { name: "phone", displayName: "phone", description: "Allows access to the phone_number and phone_number_verified claims.", consent: "REQUIRED" },
  {
    name: "offline_access",
    displayName: "offline_access",
    description: "Allows an application to get refresh tokens, to keep access while the user is not present.",
    consent: "REQUIRED",
  },
] as const;
