import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { adminApi, horizontalOverflow, seriousAxeViolations, signInThroughDashboard } from "./dashboard-helpers";
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from "./e2e-settings";

// Accessibility (axe-core: no serious or critical violations) and the 390 px layout of every main
// dashboard page, on realistic data made through the management API. With CAPTURE_SCREENSHOTS=1
// the axe pass also writes the README's screenshots (e2e/screenshots/*.png, 1280x800).

type Fixture = { serverId: string; policyId: string; appId: string; userId: string; groupId: string; eventId: string; spaClientId: string; userLogin: string };

const CAPTURE = process.env.CAPTURE_SCREENSHOTS === "1";
const SCREENSHOT_DIR = path.join(__dirname, "screenshots");
// Set up once per server: a worker restarted after a failure finds the fixture again (the data
// directory is emptied before every run, with the database).
const FIXTURE_FILE = path.join(process.env.E2E_DATA_DIR ?? "e2e/.data", "dashboard-fixture.json");

async function createFixture(baseURL: string): Promise<Fixture> {
  const api = adminApi(baseURL);
  const server = await api<{ id: string }>("POST", "/api/v1/authorizationServers", { name: "Orders API", description: "Orders, invoices and shipping", audiences: ["api://orders"] });
  const base = `/api/v1/authorizationServers/${server.id}`;
  await api("POST", `${base}/scopes`, { name: "orders:read", description: "Read orders", metadataPublish: "ALL_CLIENTS" });
  await api("POST", `${base}/scopes`, { name: "orders:write", description: "Create and change orders", consent: "REQUIRED" });
  await api("POST", `${base}/claims`, { name: "email", status: "ACTIVE", claimType: "RESOURCE", valueType: "EXPRESSION", value: "user.email", conditions: { scopes: [] }, alwaysIncludeInToken: true });
  await api("POST", `${base}/claims`, { name: "department", status: "ACTIVE", claimType: "IDENTITY", valueType: "EXPRESSION", value: "user.department", conditions: { scopes: ["profile"] }, alwaysIncludeInToken: true });
  const policy = await api<{ id: string }>("POST", `${base}/policies`, { type: "OAUTH_AUTHORIZATION_POLICY", name: "Web and mobile apps", description: "Interactive sign-in for every client", status: "ACTIVE", priority: 1, conditions: { clients: { include: ["ALL_CLIENTS"] } } });
  await api("POST", `${base}/policies`, { type: "OAUTH_AUTHORIZATION_POLICY", name: "Back-office services", description: "Machine-to-machine", status: "ACTIVE", priority: 2, conditions: { clients: { include: ["ALL_CLIENTS"] } } });
  const token = (minutes: number) => ({ token: { accessTokenLifetimeMinutes: minutes, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 } });
  await api("POST", `${base}/policies/${policy.id}/rules`, {
    type: "RESOURCE_ACCESS",
    name: "Signed-in users",
    priority: 1,
    conditions: { people: { groups: { include: ["EVERYONE"] } }, grantTypes: { include: ["authorization_code", "refresh_token"] }, scopes: { include: ["*"] } },
    actions: token(60),
  });
  await api("POST", `${base}/policies/${policy.id}/rules`, {
    type: "RESOURCE_ACCESS",
    name: "Write access, short-lived",
    priority: 2,
    conditions: { people: { groups: { include: ["EVERYONE"] } }, grantTypes: { include: ["authorization_code"] }, scopes: { include: ["orders:write"] } },
    actions: token(15),
  });

  const people = [
    ["Ada", "Lovelace", "Engineering"],
    ["Grace", "Hopper", "Engineering"],
    ["Katherine", "Johnson", "Flight Research"],
    ["Alan", "Turing", "Research"],
  ] as const;
  const users: Array<{ id: string; profile: { login: string } }> = [];
  for (const [firstName, lastName, department] of people) {
    const login = `${firstName}.${lastName}@example.com`.toLowerCase();
    users.push(await api("POST", `/api/v1/users?activate=${lastName === "Turing" ? "false" : "true"}`, { profile: { firstName, lastName, email: login, login, department }, credentials: { password: { value: `Correct-Horse-${lastName}-1` } } }));
  }
  const group = await api<{ id: string }>("POST", "/api/v1/groups", { profile: { name: "Engineering", description: "Product engineering" } });
  for (const user of users.slice(0, 2)) await api("PUT", `/api/v1/groups/${group.id}/users/${user.id}`);

  const oauthApp = (label: string, type: string, grants: string[], auth: string, redirects: string[]) => ({
    name: "oidc_client",
    label,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: auth } },
    settings: { oauthClient: { application_type: type, grant_types: grants, response_types: type === "service" ? ["token"] : ["code"], redirect_uris: redirects } },
  });
  const spa = await api<{ id: string; credentials: { oauthClient: { client_id: string } } }>("POST", "/api/v1/apps", oauthApp("Orders Web", "browser", ["authorization_code", "refresh_token"], "none", ["https://orders.example.com/login/callback"]));
  await api("POST", "/api/v1/apps", oauthApp("Billing Portal", "web", ["authorization_code", "refresh_token"], "client_secret_basic", ["https://billing.example.com/callback"]));
  const service = await api<{ credentials: { oauthClient: { client_id: string; client_secret: string } } }>("POST", "/api/v1/apps", oauthApp("Nightly Reports", "service", ["client_credentials"], "client_secret_basic", []));
  await api("POST", `/api/v1/apps/${spa.id}/users`, { id: users[0]!.id, scope: "USER" });
  await api("PUT", `/api/v1/apps/${spa.id}/groups/${group.id}`, {});
  await api("POST", "/api/v1/trustedOrigins", { name: "Orders Web", origin: "https://orders.example.com", scopes: [{ type: "CORS" }, { type: "REDIRECT" }] });

  // A token request the policies refuse (no rule allows client_credentials): the overview's
  // recent denials, and an event detail page.
  const { client_id, client_secret } = service.credentials.oauthClient;
  const refused = await fetch(`${baseURL}/oauth2/${server.id}/v1/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: `Basic ${Buffer.from(`${client_id}:${client_secret}`).toString("base64")}` },
    body: "grant_type=client_credentials&scope=orders:read",
  });
  expect(await refused.json()).toMatchObject({ error: "access_denied" });
  // System Log writes are queued: wait for the event.
  let events: Array<{ uuid: string }> = [];
  await expect
    .poll(async () => {
      events = await api<Array<{ uuid: string }>>("GET", `/api/v1/logs?filter=${encodeURIComponent('outcome.result eq "DENY"')}&sortOrder=DESCENDING&limit=1`);
      return events.length;
    })
    .toBe(1);

  return { serverId: server.id, policyId: policy.id, appId: spa.id, userId: users[0]!.id, groupId: group.id, eventId: events[0]!.uuid, spaClientId: spa.credentials.oauthClient.client_id, userLogin: users[0]!.profile.login };
}

let fixture: Fixture;
test.beforeAll(async ({ baseURL }) => {
  if (existsSync(FIXTURE_FILE)) {
    fixture = JSON.parse(readFileSync(FIXTURE_FILE, "utf8")) as Fixture;
    return;
  }
  fixture = await createFixture(baseURL!);
  mkdirSync(path.dirname(FIXTURE_FILE), { recursive: true });
  writeFileSync(FIXTURE_FILE, JSON.stringify(fixture));
});

/** screenshot: the PNG's name; shotFrom: the region scrolled to the top before the screenshot */
type MainPage = { name: string; path: (f: Fixture) => string; heading: string | RegExp; screenshot?: string; shotFrom?: string; narrow?: boolean };

const MAIN_PAGES: MainPage[] = [
  { name: "overview", path: () => "/admin", heading: "Overview", screenshot: "overview", narrow: true },
  { name: "authorization servers", path: () => "/admin/authorization-servers", heading: "Authorization servers", narrow: true },
  { name: "new authorization server", path: () => "/admin/authorization-servers/new", heading: "Add authorization server" },
  { name: "server settings", path: (f) => `/admin/authorization-servers/${f.serverId}`, heading: "Orders API", narrow: true },
  { name: "server scopes", path: (f) => `/admin/authorization-servers/${f.serverId}/scopes`, heading: "Orders API", narrow: true },
  { name: "server claims", path: (f) => `/admin/authorization-servers/${f.serverId}/claims`, heading: "Orders API", narrow: true },
  { name: "server access policies", path: (f) => `/admin/authorization-servers/${f.serverId}/policies`, heading: "Orders API", screenshot: "access-policies", narrow: true },
  { name: "access policy and rules", path: (f) => `/admin/authorization-servers/${f.serverId}/policies/${f.policyId}`, heading: "Web and mobile apps", narrow: true },
  { name: "server keys", path: (f) => `/admin/authorization-servers/${f.serverId}/keys`, heading: "Orders API", narrow: true },
  {
    name: "token preview",
    path: (f) => `/admin/authorization-servers/${f.serverId}/preview?clientId=${f.spaClientId}&grantType=authorization_code&userId=${f.userId}&scopes=openid&scopes=profile&scopes=orders:read`,
    heading: "Orders API",
    screenshot: "token-preview",
    shotFrom: "Result",
    narrow: true,
  },
  { name: "applications", path: () => "/admin/applications", heading: "Applications", narrow: true },
  { name: "application wizard, step 1", path: () => "/admin/applications/new", heading: "Create application" },
  { name: "application wizard, step 2", path: () => "/admin/applications/new?type=browser", heading: "Create application" },
  { name: "application", path: (f) => `/admin/applications/${f.appId}`, heading: "Orders Web", screenshot: "application", narrow: true },
  { name: "users", path: () => "/admin/users", heading: "Users", screenshot: "users", narrow: true },
  { name: "new user", path: () => "/admin/users/new", heading: "Add user" },
  { name: "user", path: (f) => `/admin/users/${f.userId}`, heading: "Ada Lovelace", narrow: true },
  { name: "groups", path: () => "/admin/groups", heading: "Groups", narrow: true },
  { name: "group", path: (f) => `/admin/groups/${f.groupId}`, heading: "Engineering" },
  { name: "trusted origins", path: () => "/admin/trusted-origins", heading: "Trusted origins", narrow: true },
  { name: "API tokens", path: () => "/admin/api-tokens", heading: "API tokens", narrow: true },
  { name: "system log", path: () => "/admin/system-log", heading: "System Log", narrow: true },
  { name: "system log event", path: (f) => `/admin/system-log/${f.eventId}`, heading: /./ },
  { name: "settings", path: () => "/admin/settings", heading: "Settings", narrow: true },
];

async function open(page: Page, main: MainPage) {
  const response = await page.goto(main.path(fixture));
  expect(response?.status(), main.name).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: main.heading }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
}

test.describe("at 1280x800", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("every main page has no serious or critical axe violations", async ({ page }) => {
    test.setTimeout(180_000);
    await signInThroughDashboard(page, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
    const found: Record<string, string[]> = {};
    for (const main of MAIN_PAGES) {
      await open(page, main);
      const violations = await seriousAxeViolations(page);
      if (violations.length) found[main.name] = violations;
      if (CAPTURE && main.screenshot) {
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        if (main.shotFrom) await page.getByRole("region", { name: main.shotFrom, exact: true }).evaluate((el) => el.scrollIntoView({ block: "start" }));
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${main.screenshot}.png`) });
      }
    }
    // A confirmation dialog, open.
    await open(page, MAIN_PAGES.find((main) => main.name === "server keys")!);
    await page.getByRole("button", { name: "Rotate keys" }).click();
    await expect(page.getByRole("dialog", { name: "Rotate the signing keys?" })).toBeVisible();
    const dialog = await seriousAxeViolations(page);
    if (dialog.length) found["rotate keys dialog"] = dialog;
    expect(found).toEqual({});
  });
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the main pages do not overflow horizontally and the navigation is reachable", async ({ page }) => {
    test.setTimeout(120_000);
    await signInThroughDashboard(page, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
    const overflowing: Record<string, unknown> = {};
    for (const main of MAIN_PAGES.filter((candidate) => candidate.narrow)) {
      await open(page, main);
      const { scrollWidth, widest } = await horizontalOverflow(page);
      if (scrollWidth > 390) overflowing[main.name] = { scrollWidth, widest };
    }
    expect(overflowing).toEqual({});

    // The sidebar becomes a menu button that opens the same navigation.
    await page.goto("/admin");
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    const nav = page.getByRole("navigation", { name: "Admin" });
    expect(await seriousAxeViolations(page)).toEqual([]);
    for (const label of ["Overview", "Authorization Servers", "Applications", "Users", "Groups", "Trusted Origins", "API Tokens", "System Log"]) {
      await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
    }
    await nav.getByRole("link", { name: "Users", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    // Sign out stays on screen.
    await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();
  });
});
