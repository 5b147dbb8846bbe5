import { FAULTS_ADMIN_TOKEN } from "./server-instance";

/** Whatever a JSON body parses to. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test set-up reads whatever the API answers
type Json = any;

/** The management API of one server with the faults org's SSWS token (set-up only): throws on a non-2xx. */
export function adminApi(origin: string, token = FAULTS_ADMIN_TOKEN) {
  return async function call(method: string, path: string, body?: unknown): Promise<Json> {
    const res = await fetch(`${origin}${path}`, {
      method,
      headers: { Authorization: `SSWS ${token}`, "Content-Type": "application/json", Accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = res.status === 204 ? null : await res.json();
    if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}

export type Client = { id: string; secret: string };

/** `Authorization: Basic` for a client (client_secret_basic, RFC 6749 2.3.1 form-encodes both parts). */
export function basicAuth(client: Client): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(client.id)}:${encodeURIComponent(client.secret)}`).toString("base64")}`;
}

/** Headers of a form POST to a protocol endpoint with client_secret_basic. */
export function formHeaders(client: Client): Record<string, string> {
  return { "Content-Type": "application/x-www-form-urlencoded", Authorization: basicAuth(client) };
}

/** A service app for client_credentials with a scope of its own on the default server. */
export async function createServiceClient(origin: string, label: string): Promise<Client & { appId: string; scope: string }> {
  const api = adminApi(origin);
  const scope = `faults:${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  await api("POST", "/api/v1/authorizationServers/default/scopes", { name: scope });
  const app = await api("POST", "/api/v1/apps", {
    name: "oidc_client",
    label,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
    settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"], response_types: ["token"] } },
  });
  return { appId: app.id, id: app.credentials.oauthClient.client_id, secret: app.credentials.oauthClient.client_secret, scope };
}

/** A web app for the password and refresh_token grants, with an active user assigned to it. */
export async function createWebClientWithUser(origin: string, label: string): Promise<Client & { appId: string; userId: string; login: string; password: string }> {
  const api = adminApi(origin);
  const app = await api("POST", "/api/v1/apps", {
    name: "oidc_client",
    label,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
    settings: { oauthClient: { application_type: "web", redirect_uris: ["https://app.example.com/callback"], grant_types: ["authorization_code", "password", "refresh_token"], response_types: ["code"] } },
  });
  const suffix = label.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const login = `${suffix}@faults.test`;
  const password = `Correct-Horse-Battery-${Date.now().toString(36)}`; // must not contain the login
  const user = await api("POST", "/api/v1/users?activate=true", { profile: { firstName: "Fault", lastName: "Test", email: login, login }, credentials: { password: { value: password } } });
  await api("POST", `/api/v1/apps/${app.id}/users`, { id: user.id, scope: "USER" });
  return { appId: app.id, id: app.credentials.oauthClient.client_id, secret: app.credentials.oauthClient.client_secret, userId: user.id, login, password };
}
