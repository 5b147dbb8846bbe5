import { expect, test, type Browser, type Page } from "@playwright/test";
import { adminApi, horizontalOverflow, pickEntry, seriousAxeViolations, signInThroughDashboard } from "./dashboard-helpers";
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from "./e2e-settings";

// Admin roles in the dashboard (issue #18 item 3): a SUPER_ADMIN assigns a role on the Admins page;
// a READ_ONLY_ADMIN sees the lists, finds every button disabled with the reason, cannot open the
// outbox (403), and a server action POST forged with their session is refused and changes nothing.

const READ_ONLY = { login: "read.only@roles.e2e.test", password: "Correct-Horse-Battery-41" };
const NEW_ADMIN_LOGIN = "reporter@roles.e2e.test";
const REFUSED = "You don't have permission to do this: your admin roles do not include this change.";

type Roles = Array<{ id: string; type: string }>;

async function createUser(baseURL: string, login: string, password: string, firstName: string, lastName: string): Promise<string> {
  const api = adminApi(baseURL);
  const user = await api<{ id: string }>("POST", "/api/v1/users?activate=true", { profile: { login, email: login, firstName, lastName }, credentials: { password: { value: password } } });
  return user.id;
}

async function signedIn(browser: Browser, login: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInThroughDashboard(page, login, password);
  return page;
}

test("a SUPER_ADMIN assigns a role on the Admins page; a READ_ONLY_ADMIN sees everything, changes nothing, and a forged action is refused", async ({ browser, baseURL }) => {
  const api = adminApi(baseURL!);
  const readOnlyId = await createUser(baseURL!, READ_ONLY.login, READ_ONLY.password, "Rory", "Readonly");
  await api("POST", `/api/v1/users/${readOnlyId}/roles`, { type: "READ_ONLY_ADMIN" });
  const reporterId = await createUser(baseURL!, NEW_ADMIN_LOGIN, "Staple-Lantern-Quartz-77", "Rita", "Reporter");

  // The super administrator assigns REPORT_ADMIN to a user, picked by search.
  const admin = await signedIn(browser, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Admins" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Admins" })).toBeVisible();
  await expect(admin.getByRole("table", { name: "Administrators" })).toContainText("Read-only Administrator");
  expect(await seriousAxeViolations(admin)).toEqual([]);
  const userSection = admin.getByRole("region", { name: "Assign a role to a user" });
  await pickEntry(userSection, "User", "reporter@", NEW_ADMIN_LOGIN);
  await userSection.getByLabel("Role", { exact: true }).selectOption("REPORT_ADMIN");
  const assign = admin.waitForRequest((request) => request.method() === "POST" && request.headers()["next-action"] !== undefined);
  await userSection.getByRole("button", { name: "Assign role" }).click();
  const captured = await assign;
  await expect(admin.getByText("Assigned Report Administrator.").first()).toBeVisible();
  await expect(admin.getByRole("row", { name: new RegExp(NEW_ADMIN_LOGIN.replace(/\./g, "\\.")) })).toContainText("Report Administrator");
  expect((await api<Roles>("GET", `/api/v1/users/${reporterId}/roles`)).map((role) => role.type)).toEqual(["REPORT_ADMIN"]);
  // the last super administrator's role cannot be unassigned: the reason is shown
  // (the e2e admin must be the only one: were there another, this would unassign for real)
  await expect(admin.getByTestId("admin-role").filter({ hasText: /^Super Administrator$/ })).toHaveCount(1);
  await admin.getByRole("row", { name: new RegExp(E2E_ADMIN_EMAIL.replace(/\./g, "\\.")) }).getByRole("button", { name: /^Unassign Super Administrator from / }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Unassign" }).click();
  await expect(admin.getByText(/would leave no active super administrator/)).toBeVisible();

  // The read-only administrator: lists visible, buttons disabled with the reason, no outbox.
  const readOnly = await signedIn(browser, READ_ONLY.login, READ_ONLY.password);
  const nav = readOnly.getByRole("navigation", { name: "Admin" });
  await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Outbox" })).toHaveCount(0);
  await nav.getByRole("link", { name: "Users" }).click();
  await expect(readOnly.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  // the e2e org holds many users: find this one through the list's search (the first page may not show it)
  await readOnly.goto(`${baseURL}/admin/users?q=${encodeURIComponent(NEW_ADMIN_LOGIN)}`);
  await expect(readOnly.getByRole("link", { name: "Rita Reporter" })).toBeVisible();
  await expect(readOnly.getByRole("link", { name: "Add user" })).toHaveCount(0);
  await nav.getByRole("link", { name: "Applications" }).click();
  await expect(readOnly.getByRole("heading", { level: 1, name: "Applications" })).toBeVisible();

  await readOnly.goto(`/admin/users/${reporterId}`);
  for (const name of ["Suspend", "Reset password", "Expire password", "Save profile"]) {
    const button = readOnly.getByRole("button", { name, exact: true });
    await expect(button, name).toBeDisabled();
    await expect(button, name).toHaveAccessibleDescription("Your role cannot change this.");
  }
  await expect(readOnly.getByTestId("user-role")).toHaveText(["Report Administrator"]);
  expect(await seriousAxeViolations(readOnly)).toEqual([]);

  await readOnly.goto("/admin/admins");
  await expect(readOnly.getByRole("button", { name: "Assign role" }).first()).toBeDisabled();
  await expect(readOnly.getByRole("button", { name: /^Unassign / }).first()).toBeDisabled();
  expect(await seriousAxeViolations(readOnly)).toEqual([]);

  // every other page opens (read-only)
  for (const path of ["/admin", "/admin/authorization-servers", "/admin/applications", "/admin/groups", "/admin/sign-on-policies", "/admin/network-zones", "/admin/trusted-origins", "/admin/api-tokens", "/admin/system-log", "/admin/branding", "/admin/settings"]) {
    const response = await readOnly.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(readOnly.getByRole("heading", { level: 1 }), path).toBeVisible();
    await expect(readOnly.getByText("Your role cannot open this page"), path).toHaveCount(0);
  }

  // the forbidden page (forbidden(): the dashboard streams behind its loading state, so the status
  // sent with the shell stays 200, as for its not-found page); none of the outbox shows
  await readOnly.goto("/admin/outbox");
  await expect(readOnly.getByRole("heading", { level: 1, name: "Your role cannot open this page" })).toBeVisible();
  await expect(readOnly.getByRole("heading", { level: 1, name: "Outbox" })).toHaveCount(0);
  await expect(readOnly.getByRole("table")).toHaveCount(0);

  // A forged server action: the super administrator's captured role.assign, replayed with the
  // read-only administrator's session after the role was removed again. Refused; nothing changes.
  const [assigned] = await api<Roles>("GET", `/api/v1/users/${reporterId}/roles`);
  await api("DELETE", `/api/v1/users/${reporterId}/roles/${assigned!.id}`);
  const headers = captured.headers();
  const forged = await readOnly.request.post(captured.url(), {
    headers: { "Next-Action": headers["next-action"]!, "Content-Type": headers["content-type"]!, Origin: new URL(baseURL!).origin, Accept: "text/x-component" },
    data: captured.postDataBuffer()!,
  });
  expect(forged.status()).toBe(200);
  expect(await forged.text()).toContain(REFUSED);
  expect(await api<Roles>("GET", `/api/v1/users/${reporterId}/roles`)).toEqual([]);
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the Admins page does not overflow horizontally", async ({ page }) => {
    await signInThroughDashboard(page, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
    await page.goto("/admin/admins");
    await expect(page.getByRole("heading", { level: 1, name: "Admins" })).toBeVisible();
    const { scrollWidth, widest } = await horizontalOverflow(page);
    expect(scrollWidth, widest.join("\n")).toBeLessThanOrEqual(390);
  });
});
