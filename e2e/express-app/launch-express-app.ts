import { spawn, type ChildProcess } from "node:child_process";
import type { adminApi } from "../admin-api";
import { waitForProcess } from "../wait-for-process";

export type ExpressApp = { origin: string; clientId: string; user: { id: string; login: string; password: string }; stop(): void };

/**
 * Registers a confidential web app (client_secret_basic, code + refresh) for the Express app of
 * e2e/express-app/server.mjs on `port`, a user assigned to it, and starts the app against `issuer`.
 */
export async function launchExpressApp(admin: ReturnType<typeof adminApi>, options: { issuer: string; port: number; name: string }): Promise<ExpressApp> {
  const origin = `http://localhost:${options.port}`;
  const suffix = Date.now().toString(36);
  const web = await admin("POST", "/api/v1/apps", {
    name: "oidc_client",
    label: `${options.name} ${suffix}`,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
    settings: {
      oauthClient: {
        application_type: "web",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: [`${origin}/authorization-code/callback`],
        post_logout_redirect_uris: [`${origin}/`],
      },
    },
  });
  const clientId: string = web.credentials.oauthClient.client_id;
  const login = `express.${suffix}.${options.port}@example.com`;
  const password = `Correct-Horse-express-${suffix}`;
  const created = await admin("POST", "/api/v1/users?activate=true", {
    profile: { firstName: "Erin", lastName: "Express", email: login, login },
    credentials: { password: { value: password } },
  });
  await admin("POST", `/api/v1/apps/${web.id}/users`, { id: created.id, scope: "USER" });

  const child: ChildProcess = spawn(process.execPath, ["e2e/express-app/server.mjs"], {
    env: { ...process.env, EXPRESS_APP_PORT: String(options.port), ISSUER: options.issuer, CLIENT_ID: clientId, CLIENT_SECRET: web.credentials.oauthClient.client_secret },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForProcess(child, `${origin}/health`, 10_000);
  return { origin, clientId, user: { id: created.id, login, password }, stop: () => child.kill() };
}
