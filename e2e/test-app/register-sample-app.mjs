// Registers the sample app (the okta-auth-js test app of e2e/test-app) with a running server through
// the management API, as a newcomer would by hand: a single-page OIDC app (PKCE, no secret) whose
// redirect and sign-out URIs are on the app's origin, assigned to the built-in Everyone group, and
// the app's origin as a trusted origin (CORS for the token calls, REDIRECT for sign-out). Running
// it again reuses what is there.

/**
 * @typedef {{ orgUrl: string, apiToken: string, appOrigin: string, fetch?: typeof fetch }} SampleAppInput
 * @typedef {{ appId: string, clientId: string, label: string, created: { app: boolean, assignment: boolean, trustedOrigin: boolean } }} SampleApp
 */

/** The label the sample app is registered (and found again) under. */
export function sampleAppLabel(appOrigin) {
  return `Sample app ${new URL(appOrigin).host}`;
}

/**
 * @param {SampleAppInput} input
 * @returns {Promise<SampleApp>}
 */
export async function registerSampleApp(input) {
  const fetchFn = input.fetch ?? fetch;
  const appOrigin = new URL(input.appOrigin).origin;
  const token = input.apiToken.trim().replace(/^SSWS\s+/i, "");
  if (!token) throw new Error("An API token is needed (the SSWS token printed at first start).");

  /** One management API call; a non-2xx answer throws with Okta's errorSummary. */
  async function call(method, path, body) {
    const res = await fetchFn(new URL(path, input.orgUrl), {
      method,
      headers: { Authorization: `SSWS ${token}`, Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: reported below if the status says it failed
    }
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${json?.errorSummary ?? (text.slice(0, 200) || res.statusText)}`);
    return json;
  }

  const label = sampleAppLabel(appOrigin);
  const apps = await call("GET", `/api/v1/apps?q=${encodeURIComponent(label)}&limit=200`);
  let app = apps.find((candidate) => candidate.label === label && candidate.status === "ACTIVE");
  const createdApp = !app;
  app ??= await call("POST", "/api/v1/apps", {
    name: "oidc_client",
    label,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "none" } },
    settings: {
      oauthClient: {
        application_type: "browser",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: [`${appOrigin}/callback`],
        post_logout_redirect_uris: [`${appOrigin}/signed-out`],
      },
    },
  });

  const groups = await call("GET", `/api/v1/groups?q=Everyone&limit=200`);
  const everyone = groups.find((group) => group.type === "BUILT_IN" && group.profile?.name === "Everyone");
  if (!everyone) throw new Error("The built-in group Everyone was not found.");
  const assigned = await call("GET", `/api/v1/apps/${app.id}/groups?limit=200`);
  const createdAssignment = !assigned.some((assignment) => assignment.id === everyone.id);
  if (createdAssignment) await call("PUT", `/api/v1/apps/${app.id}/groups/${everyone.id}`, {});

  const origins = await call("GET", `/api/v1/trustedOrigins?q=${encodeURIComponent(appOrigin)}&limit=200`);
  const createdOrigin = !origins.some((origin) => origin.origin === appOrigin);
  if (createdOrigin) {
    await call("POST", "/api/v1/trustedOrigins", { name: label, origin: appOrigin, scopes: [{ type: "CORS" }, { type: "REDIRECT" }] });
  }

  return { appId: app.id, clientId: app.credentials.oauthClient.client_id, label, created: { app: createdApp, assignment: createdAssignment, trustedOrigin: createdOrigin } };
}
