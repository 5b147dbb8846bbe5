import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { adminApi, horizontalOverflow, picker, seriousAxeViolations, signInThroughDashboard } from "./dashboard-helpers";
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from "./e2e-settings";

// The pickers with more than 200 users: a rule naming a user beyond the first page keeps it when
// saved unchanged; type-ahead finds and adds another; Remove removes; axe and 390 px with the
// list of matches open.

const COUNT = 205;
type Rule = { id: string; name: string; lastUpdated: string; conditions: { people: { users: { include: string[] } } } };
type Fixture = { serverId: string; policyId: string; ruleId: string; late: { id: string; login: string }; other: { id: string; login: string } };
const FIXTURE_FILE = path.join(process.env.E2E_DATA_DIR ?? "e2e/.data", "pickers-fixture.json");

async function createFixture(baseURL: string): Promise<Fixture> {
  const api = adminApi(baseURL);
  const numbers = Array.from({ length: COUNT }, (_, i) => String(i + 1).padStart(3, "0"));
  // No passwords (nothing to hash): 205 users in parallel batches take a few seconds.
  for (let i = 0; i < numbers.length; i += 25) {
    await Promise.all(
      numbers.slice(i, i + 25).map((n) => api("POST", "/api/v1/users?activate=false", { profile: { firstName: "Picker", lastName: `Number ${n}`, login: `picker.${n}@example.com`, email: `picker.${n}@example.com` } })),
    );
  }
  // The users the old pickers never offered: the second page of the API's list (positions > 200).
  const firstPage = await api<Array<{ id: string }>>("GET", "/api/v1/users?limit=200");
  expect(firstPage).toHaveLength(200);
  const beyond = await api<Array<{ id: string; profile: { login: string } }>>("GET", `/api/v1/users?limit=200&after=${firstPage.at(-1)!.id}`);
  expect(beyond.length).toBeGreaterThanOrEqual(COUNT - 200);
  const [late, other] = [beyond.at(-1)!, beyond.at(-2)!].map((user) => ({ id: user.id, login: user.profile.login }));

  const server = await api<{ id: string }>("POST", "/api/v1/authorizationServers", { name: "Pickers API", audiences: ["api://pickers"] });
  const base = `/api/v1/authorizationServers/${server.id}`;
  const policy = await api<{ id: string }>("POST", `${base}/policies`, { type: "OAUTH_AUTHORIZATION_POLICY", name: "Picker policy", priority: 1, conditions: { clients: { include: ["ALL_CLIENTS"] } } });
  const rule = await api<Rule>("POST", `${base}/policies/${policy.id}/rules`, {
    type: "RESOURCE_ACCESS",
    name: "Late user only",
    conditions: { people: { users: { include: [late!.id] } }, grantTypes: { include: ["authorization_code"] }, scopes: { include: ["*"] } },
    actions: { token: { accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 } },
  });
  return { serverId: server.id, policyId: policy.id, ruleId: rule.id, late: late!, other: other! };
}

let fixture: Fixture;
test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  if (existsSync(FIXTURE_FILE)) {
    fixture = JSON.parse(readFileSync(FIXTURE_FILE, "utf8")) as Fixture;
    return;
  }
  fixture = await createFixture(baseURL!);
  mkdirSync(path.dirname(FIXTURE_FILE), { recursive: true });
  writeFileSync(FIXTURE_FILE, JSON.stringify(fixture));
});

const rulePath = (f: Fixture) => `/api/v1/authorizationServers/${f.serverId}/policies/${f.policyId}/rules/${f.ruleId}`;

/** The policy page with the rule's edit form open. */
async function openRule(page: Page) {
  await page.goto(`/admin/authorization-servers/${fixture.serverId}/policies/${fixture.policyId}`);
  await page.getByText("Edit rule Late user only").click();
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save rule" }) });
  await expect(form).toBeVisible();
  return form;
}

test("a rule naming the 205th user keeps it when saved unchanged; type-ahead adds, Remove removes; axe finds nothing with the matches open", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const api = adminApi(baseURL!);
  const before = await api<Rule>("GET", rulePath(fixture));
  await signInThroughDashboard(page, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
  const form = await openRule(page);
  const include = picker(form, "Include users");
  await expect(include.chosen.getByRole("listitem")).toHaveText([new RegExp(`^${fixture.late.login.replace(/\./g, "\\.")}`)]);
  await expect(page.getByRole("table", { name: "Rules" })).toContainText(fixture.late.login);

  // Save unchanged: the rule is exactly as it was.
  await form.getByRole("button", { name: "Save rule" }).click();
  await expect(page.getByRole("status").filter({ hasText: 'Saved rule "Late user only".' })).toBeVisible();
  const saved = await api<Rule>("GET", rulePath(fixture));
  expect({ ...saved, lastUpdated: null }).toEqual({ ...before, lastUpdated: null });

  // Type-ahead (the API's q search) finds another user beyond the first page; the keyboard chooses it.
  await openRule(page);
  await include.search.fill(fixture.other.login);
  await expect(include.matches.getByRole("option")).toHaveText([new RegExp(`^${fixture.other.login.replace(/\./g, "\\.")}`)]);
  await expect(include.search).toHaveAttribute("aria-expanded", "true");
  expect(await seriousAxeViolations(page)).toEqual([]);
  await include.search.press("ArrowDown");
  await expect(include.search).toHaveAttribute("aria-activedescendant", /option-0$/);
  await include.search.press("Enter");
  await expect(include.chosen.getByRole("listitem")).toHaveCount(2);
  await expect(include.chosen).toContainText(fixture.other.login);

  // Remove the first one by its named button, then save: the API shows the change.
  await include.chosen.getByRole("button", { name: `Remove ${fixture.late.login}` }).click();
  await expect(include.chosen.getByRole("listitem")).toHaveCount(1);
  await form.getByRole("button", { name: "Save rule" }).click();
  await expect.poll(async () => (await api<Rule>("GET", rulePath(fixture))).conditions.people.users.include).toEqual([fixture.other.id]);
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the rule form with a picker's matches open does not overflow", async ({ page }) => {
    await signInThroughDashboard(page, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
    const include = picker(await openRule(page), "Include users");
    await include.search.fill("picker.");
    await expect(include.matches.getByRole("option")).toHaveCount(10);
    const { scrollWidth, widest } = await horizontalOverflow(page);
    expect(scrollWidth, JSON.stringify(widest)).toBeLessThanOrEqual(390);
  });
});
