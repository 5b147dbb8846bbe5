import { z } from "zod";
import { isKnownOktaScope, OKTA_SCOPES, type OktaScope } from "../../admin-roles/permissions";
import type { BodyOf } from "../../okta-api/parse-input";

/** The scopes a grant may name (what the dashboard offers): the org authorization server's okta.* scopes. */
export const GRANTABLE_SCOPES: readonly OktaScope[] = OKTA_SCOPES;

/** ORG_URL is configured without a trailing slash; an issuer sent with one still names the org. */
const trimmed = (url: string) => url.replace(/\/+$/, "");

/**
 * POST /api/v1/apps/{appId}/grants (SDK OAuth2ScopeConsentGrant write): `scopeId`, one of the
 * org authorization server's okta.* scopes (OKTA_SCOPES), and `issuer`, the org authorization
 * server's issuer: the org URL (no custom server issues okta.* scopes). Read-only properties
 * clients echo back (id, status, source, _links, ...) are ignored.
 */
export function appGrantInput(orgUrl: string) {
  return z.object({
    scopeId: z
      .string({ error: "The field cannot be left blank." })
      .refine((value): value is OktaScope => isKnownOktaScope(value), "The scope is not an Okta API scope of the org authorization server."),
    issuer: z
      .string({ error: "The field cannot be left blank." })
      .refine((value) => trimmed(value) === trimmed(orgUrl), `Okta API scopes are granted for the org authorization server only: issuer must be ${trimmed(orgUrl)}.`)
      .transform(() => trimmed(orgUrl)),
  });
}

export type AppGrantBody = BodyOf<ReturnType<typeof appGrantInput>>;
