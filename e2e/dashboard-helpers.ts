export { adminApi } from "./admin-api";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

/** Signs in through the hosted sign-in page that /admin sends an anonymous visitor to. */
export async function signInThroughDashboard(page: Page, login: string, password: string) {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?(.*&)?return_to=(%2F|\/)admin(&|$)/);
  await page.getByLabel("Username").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

/** axe-core on the current page (less what `exclude` selects): every serious or critical violation, one line each (empty when clean). */
export async function seriousAxeViolations(page: Page, exclude?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]);
  const results = await (exclude ? builder.exclude(exclude) : builder).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} -> ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 5).join(" | ")}`);
}

/** The document's width beyond the viewport (0 when nothing overflows horizontally). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; widest: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const limit = window.innerWidth;
    // The elements that stick out, to make a failure readable.
    const widest = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > limit + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).split(" ").slice(0, 4).join(".")} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: root.scrollWidth, widest };
  });
}

/** A dashboard picker (app/admin/_components/picker.tsx) by its label: its search box and its chosen entries. */
export function picker(scope: Page | Locator, label: string) {
  return {
    search: scope.getByRole("combobox", { name: `Search ${label.toLowerCase()}`, exact: true }),
    chosen: scope.getByRole("list", { name: `${label}: chosen`, exact: true }),
    matches: scope.getByRole("listbox", { name: `${label}: matches`, exact: true }),
  };
}

/** Chooses an entry in a picker the way a user does: types into its search box and clicks the match that starts with `option`. */
export async function pickEntry(scope: Page | Locator, label: string, search: string, option = search) {
  const { search: box, matches, chosen } = picker(scope, label);
  await box.fill(search);
  await matches.getByRole("option", { name: new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) }).click();
  await expect(chosen).toContainText(option);
}
