export type AppJson = {
  id: string;
  label: string;
  status: string;
  created: string;
  credentials: { oauthClient: { client_id: string; token_endpoint_auth_method: string; pkce_required: boolean } };
  settings: { oauthClient: { application_type: string; grant_types: string[]; redirect_uris: string[]; post_logout_redirect_uris: string[]; consent_method: string; initiate_login_uri: string | null } };
};

export const TYPE_LABELS: Record<string, string> = { web: "Web", browser: "Single-page", native: "Native", service: "Service" };

