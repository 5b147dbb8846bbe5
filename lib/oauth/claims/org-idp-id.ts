/**
 * The ID token's `idp` claim for users this server authenticates itself. Okta puts the id of the
 * identity provider that authenticated the user there, which for Okta-mastered users is the org's
 * own id ("00o" + 17 characters). This server has one org and no external IdPs, so the value is a
 * constant in that shape; it never changes, so tokens stay comparable across restarts and instances.
 */
export const ORG_IDP_ID = "00o0rg1dp0000000000x";
