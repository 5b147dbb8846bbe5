/**
 * The claims Okta creates with every authorization server (valueType SYSTEM: read-only). `sub` of the
 * access token (Okta's example value), and the OIDC standard claims of the ID token per scope
 * (OIDC Core 5.4), whose values are Okta EL expressions over the user profile.
 */
export const SYSTEM_CLAIMS: ReadonlyArray<{
  name: string;
  claimType: "RESOURCE" | "IDENTITY";
  value: string;
  scopes: string[];
}> = [
  { name: "sub", claimType: "RESOURCE", value: "(appuser != null) ? appuser.userName : app.clientId", scopes: [] },
  ...["name", "family_name", "given_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at"].map(
    (name) => ({ name, claimType: "IDENTITY" as const, value: `user.${name}`, scopes: ["profile"] }),
  ),
  { name: "email", claimType: "IDENTITY", value: "user.email", scopes: ["email"] },
  { name: "email_verified", claimType: "IDENTITY", value: "user.email_verified", scopes: ["email"] },
  { name: "address", claimType: "IDENTITY", value: "user.address", scopes: ["address"] },
  { name: "phone_number", claimType: "IDENTITY", value: "user.phone_number", scopes: ["phone"] },
  { name: "phone_number_verified", claimType: "IDENTITY", value: "user.phone_number_verified", scopes: ["phone"] },
];
