import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Where a route belongs, for choosing its parameters and for the summary. */
export type RouteClass =
  | "protocol (fast path)"
  | "protocol (Next.js)"
  | "authorize"
  | "logout"
  | "hosted form"
  | "end-user API"
  | "admin API"
  | "dashboard page"
  | "server action"
  | "page"
  | "other";

/** One route of the app/ tree: a page (page.tsx) or a route handler (route.ts) and its methods. */
export type AppRoute = {
  /** App Router path: /api/v1/users/[userId], /oauth2/[authServerId]/v1/token, /admin */
  pattern: string;
  kind: "page" | "route";
  /** Methods a route handler exports (GET for a page). */
  methods: string[];
};

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

/**
 * Every page and route handler under `appDir`, read from the tree itself so that a new route is
 * fuzzed without touching the suite. Private folders (`_x`) are skipped, route groups (`(x)`) add
 * no segment.
 */
export function readAppRoutes(appDir: string): AppRoute[] {
  const routes: AppRoute[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_")) continue;
        walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      } else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) {
        routes.push({ pattern: `/${segments.join("/")}`, kind: "page", methods: ["GET"] });
      } else if (/^route\.(ts|js)$/.test(entry.name)) {
        routes.push({ pattern: `/${segments.join("/")}`, kind: "route", methods: exportedMethods(readFileSync(path.join(dir, entry.name), "utf8")) });
      }
    }
  };
  walk(appDir, []);
  return routes;
}

/** `export const { GET, POST } = ...`, `export async function GET`, `export const GET =`. */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/export\s+const\s+\{([^}]*)\}/g)) for (const name of match[1]!.split(",")) found.add(name.trim().split(/\s|:/)[0]!);
  for (const match of source.matchAll(/export\s+(?:async\s+)?function\s+([A-Z]+)\b|export\s+const\s+([A-Z]+)\s*=/g)) found.add(match[1] ?? match[2]!);
  return HTTP_METHODS.filter((method) => found.has(method));
}

/** The class of a route, by its path. */
export function routeClass(route: AppRoute): RouteClass {
  const p = route.pattern;
  if (route.kind === "page") return p === "/admin" || p.startsWith("/admin/") ? "dashboard page" : "page";
  if (/^\/oauth2\/\[authServerId\]\/v1\/authorize/.test(p)) return "authorize";
  if (p === "/oauth2/[authServerId]/v1/logout") return "logout";
  if (p.startsWith("/oauth2/[authServerId]/")) return "protocol (fast path)";
  if (p.startsWith("/api/v1/authn") || p.startsWith("/api/v1/sessions")) return "end-user API";
  if (p.startsWith("/api/v1/") || p.startsWith("/oauth2/v1/clients")) return "admin API";
  if (p.startsWith("/signin/") || p.startsWith("/consent/")) return "hosted form";
  return "other";
}

/** The dynamic segments of a pattern, in order: [authServerId], [...unknown]. */
export function dynamicSegments(pattern: string): string[] {
  return pattern.split("/").filter((segment) => /^\[.+\]$/.test(segment));
}
