import { z } from "zod";
import type { ClientMetadata, MetadataError } from "../../apps/client-metadata";
import { usesClientSecret } from "../../apps/client-metadata";
import { validateClientMetadata } from "../../apps/validate-client-metadata";
import { validationError } from "../../okta-api/admin-api-error";
import { parseInput, type BodyOf } from "../../okta-api/parse-input";
import { toAppExtra, type AppExtra } from "../../apps/app-extra";

const blank = "The field cannot be left blank.";
const jsonObject = z.record(z.string(), z.unknown(), { error: "Must be a JSON object." });

/**
 * The shape of create and replace bodies (Okta's OpenIdConnectApplication). Read-only properties
 * that clients echo back (id, status, created, _links, features, ...) are ignored; the OAuth
 * settings are checked by validateClientMetadata.
 */
const appBody = z.object({
  name: z.string({ error: blank }).refine((name) => name === "oidc_client", "Only OpenID Connect applications (name oidc_client) are supported."),
  label: z.string({ error: blank }).trim().min(1, blank).max(255, "At most 255 characters."),
  signOnMode: z
    .string({ error: "Only OPENID_CONNECT is supported." })
    .refine((mode) => mode === "OPENID_CONNECT", "Only OPENID_CONNECT is supported.")
    .nullish(),
  accessibility: jsonObject.nullish(),
  visibility: jsonObject.nullish(),
  profile: jsonObject.nullish(),
  credentials: z
    .object(
      {
        oauthClient: z
          .object(
            {
              client_id: z.string({ error: "Must be a string." }).nullish(),
              client_secret: z.string({ error: "Must be a string." }).nullish(),
              token_endpoint_auth_method: z.unknown().optional(),
              pkce_required: z.unknown().optional(),
            },
            { error: "Must be a JSON object." },
          )
          .nullish(),
      },
      { error: "Must be a JSON object." },
    )
    .nullish(),
  settings: z
    .object(
      { app: jsonObject.nullish(), notifications: jsonObject.nullish(), notes: jsonObject.nullish(), oauthClient: jsonObject.nullish() },
      { error: "Must be a JSON object." },
    )
    .nullish(),
});

/** A create or replace body as a caller sends it (checked by parseAppInput). */
export type AppBody = BodyOf<typeof appBody>;

export type AppInput = {
  label: string;
  /** a client_id chosen by the caller (create only), or null */
  clientId: string | null;
  /** a client secret brought by the caller, or null; only for methods that use one */
  clientSecret: string | null;
  metadata: ClientMetadata;
  extra: AppExtra;
};

const CREDENTIAL_FIELDS = new Set(["token_endpoint_auth_method", "pkce_required"]);
const CLIENT_ID = /^[A-Za-z0-9._~-]{1,100}$/;
/** Secrets a caller brings are compared by plain SHA-256 like generated ones, so they must be long. */
export const BROUGHT_SECRET = /^[\x21-\x7e]{32,256}$/;

/** Where a registration field lives in Okta's app object. */
export function appFieldPath(field: string): string {
  return CREDENTIAL_FIELDS.has(field.split(".")[0] ?? "") ? `credentials.oauthClient.${field}` : `settings.oauthClient.${field}`;
}

/** E0000001 with one cause per invalid registration value, named by its path in the app object. */
export function metadataValidationError(errors: MetadataError[]) {
  const first = appFieldPath(errors[0]?.field ?? "oauthClient");
  return validationError(first, [...new Set(errors.map((error) => `${appFieldPath(error.field)}: ${error.message}`))]);
}

function pick(record: Record<string, unknown> | null | undefined): Record<string, unknown> {
  return record ?? {};
}

/** Validates an Apps API create/replace body into a complete registration, or throws E0000001. */
export function parseAppInput(body: AppBody): AppInput {
  const input = parseInput(appBody, body, "app");
  const oauthClient = input.credentials?.oauthClient;
  const result = validateClientMetadata(
    {
      ...pick(input.settings?.oauthClient),
      token_endpoint_auth_method: oauthClient?.token_endpoint_auth_method,
      pkce_required: oauthClient?.pkce_required,
    },
    { consentMethod: "TRUSTED" },
  );
  if (!result.ok) throw metadataValidationError(result.errors);
  const clientId = oauthClient?.client_id ?? null;
  if (clientId !== null && !CLIENT_ID.test(clientId)) {
    throw validationError("credentials.oauthClient.client_id", ["credentials.oauthClient.client_id: Use 1 to 100 letters, digits, '.', '_', '~' or '-'."]);
  }
  const usesSecret = usesClientSecret(result.value.tokenEndpointAuthMethod);
  const clientSecret = usesSecret ? (oauthClient?.client_secret ?? null) : null;
  if (clientSecret !== null && !BROUGHT_SECRET.test(clientSecret)) {
    throw validationError("credentials.oauthClient.client_secret", [
      "credentials.oauthClient.client_secret: A client secret must be 32 to 256 printable ASCII characters, without spaces.",
    ]);
  }
  const extra = toAppExtra({
    accessibility: input.accessibility,
    visibility: input.visibility,
    profile: input.profile,
    app: input.settings?.app,
    notifications: input.settings?.notifications,
    notes: input.settings?.notes,
  });
  return { label: input.label, clientId, clientSecret, metadata: result.value, extra };
}

