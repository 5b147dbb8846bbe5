import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROLE_TYPES } from "../admin-roles/role-types";
import { permissionsOf } from "./actions/action-permissions";
import { mayView, pageEntry, PAGE_PERMISSIONS } from "./page-permissions";

/** Every dashboard page's path, from the page files under app/admin (a dynamic segment as "x1"). */
function pagePaths(): string[] {
  const root = path.resolve(__dirname, "../../app/admin");
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((file) => path.basename(file) === "page.tsx")
    .map((file) => `/admin/${path.dirname(file)}`.replace(/\/\.$/, "").replace(/\[[^\]]+\]/g, "x1"))
    .sort();
}

const PAGES = pagePaths();

describe("the dashboard's page permission table", () => {
  it("covers every page by an entry of its own section (only the overview falls under /admin), and names no section without a page", () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(30);
    for (const page of PAGES) expect(pageEntry(page), page).toEqual(page === "/admin" ? "/admin" : expect.stringMatching(/^\/admin\/./));
    for (const entry of Object.keys(PAGE_PERMISSIONS)) expect(PAGES.some((page) => pageEntry(page) === entry), entry).toBe(true);
  });

  it.each([
    ["/admin/users", "/admin/users"],
    ["/admin/users/x1", "/admin/users"],
    ["/admin/users/new", "/admin/users/new"],
    ["/admin/users/", "/admin/users"],
    ["/admin/outbox/x1", "/admin/outbox"],
    ["/admin", "/admin"],
    ["/admin/", undefined],
    ["/admin/unknown", undefined],
    ["/admin/%6Futbox", undefined],
    ["/admin/Outbox", undefined],
    ["/adminx", undefined],
    ["/admin-users", undefined],
    ["/admin/constructor", undefined],
    ["/", undefined],
    ["", undefined],
  ])("files %j under %j (undefined: no admin may open it)", (pathname, entry) => {
    expect(pageEntry(pathname)).toBe(entry);
  });

  it("lets a READ_ONLY_ADMIN open every page but the outbox, and a SUPER_ADMIN every page", () => {
    const readOnly = permissionsOf(["READ_ONLY_ADMIN"]);
    expect(PAGES.filter((page) => !mayView(readOnly, page))).toEqual(["/admin/applications/new", "/admin/authorization-servers/new", "/admin/outbox", "/admin/outbox/x1", "/admin/users/new"]);
    expect(PAGES.filter((page) => !mayView(permissionsOf(["SUPER_ADMIN"]), page))).toEqual([]);
  });

  it("opens each narrow role's own pages only", () => {
    const pagesOf = (role: (typeof ROLE_TYPES)[number]) => PAGES.filter((page) => mayView(permissionsOf([role]), page)).map((page) => pageEntry(page));
    expect(new Set(pagesOf("REPORT_ADMIN"))).toEqual(new Set(["/admin", "/admin/system-log"]));
    expect(new Set(pagesOf("GROUP_MEMBERSHIP_ADMIN"))).toEqual(new Set(["/admin", "/admin/users", "/admin/groups"]));
    expect(new Set(pagesOf("APP_ADMIN"))).toEqual(new Set(["/admin", "/admin/applications", "/admin/applications/new", "/admin/users", "/admin/groups", "/admin/authorization-servers", "/admin/sign-on-policies"]));
    for (const role of ROLE_TYPES) expect(pagesOf(role).includes("/admin/outbox"), role).toBe(role === "SUPER_ADMIN");
    expect(mayView([], "/admin/users")).toBe(false);
  });
});
