/**
 * Okta's predefined authentication context classes (`acr_values` on /authorize, the `acr` claim;
 * Okta's OAuth reference, AcrValue, and the guide "Step-up authentication using ACR values"), the
 * ones this server can satisfy, in the order discovery lists them:
 * - `urn:okta:loa:1fa:any`: any one factor;
 * - `urn:okta:loa:1fa:pwd`: one factor, the password;
 * - `urn:okta:loa:2fa:any`: any two factors;
 * - `urn:okta:loa:2fa:any:ifpossible`: two factors when the user has one enrolled, else one.
 * `phr` / `phrh` (phishing-resistant, hardware-protected) are not offered.
 */
export const ACR_VALUES_SUPPORTED = ["urn:okta:loa:1fa:any", "urn:okta:loa:1fa:pwd", "urn:okta:loa:2fa:any", "urn:okta:loa:2fa:any:ifpossible"] as const;
export type AcrValue = (typeof ACR_VALUES_SUPPORTED)[number];

/**
 * The class this server works to for a request's `acr_values` (pure): the first supported value
 * of the space-separated list ("the authorization server chooses one and reflects the chosen value
 * in any resulting tokens"; OIDC Core 3.1.2.1: the values appear in order of preference). Values
 * this server does not know are ignored (OIDC Core 5.5.1.1: acr is requested as a voluntary
 * claim); none known -> null, the request asks for nothing.
 */
export function chooseAcr(acrValues: string | null | undefined): AcrValue | null {
  if (!acrValues) return null;
  for (const value of acrValues.split(" ")) {
    if ((ACR_VALUES_SUPPORTED as readonly string[]).includes(value)) return value as AcrValue;
  }
  return null;
}

/** What a class asks of the authentication (pure). */
export function acrRequirement(acr: AcrValue | null): { password: boolean; secondFactor: "required" | "if-enrolled" | "no" } {
  switch (acr) {
    case "urn:okta:loa:1fa:pwd":
      return { password: true, secondFactor: "no" };
    case "urn:okta:loa:2fa:any":
      return { password: false, secondFactor: "required" };
    case "urn:okta:loa:2fa:any:ifpossible":
      return { password: false, secondFactor: "if-enrolled" };
    default:
      return { password: false, secondFactor: "no" };
  }
}

/** RFC 8176 2: "mfa" says the authentication used more than one factor. */
export const hasMultipleFactors = (amr: readonly string[]) => amr.includes("mfa");
