import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { autoImplementMethods } from "next/dist/server/route-modules/app-route/helpers/auto-implement-methods";
import type { AppRouteHandlers } from "next/dist/server/route-modules/app-route/module";

const APP_DIR = path.resolve(__dirname, "../../app");
type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
const moduleCache = new Map<string, Promise<ReturnType<typeof autoImplementMethods>>>();

/**
 * Resolves a URL path to an App Router route file the way Next.js does for this project's routes:
 * at each level a literal folder first, then a [param] folder, then a [...param] folder, and a
 * branch that leads to no route file gives way to the next (so /api/v1/users/x/nope, which no
 * users route serves, reaches app/api/v1/[...unknown] as it does in Next.js).
 */
export function resolveRoute(pathname: string): { file: string; params: Record<string, string | string[]> } | null {
  const segments = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  return resolveFrom(APP_DIR, segments, {});
}

function resolveFrom(dir: string, segments: string[], params: Record<string, string | string[]>): { file: string; params: Record<string, string | string[]> } | null {
  if (segments.length === 0) {
    const file = routeFileIn(dir);
    return file ? { file, params } : null;
  }
  const [segment, ...rest] = segments as [string, ...string[]];
  const entries = readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isDirectory() && !name.startsWith("_"));
  if (entries.includes(segment)) {
    const found = resolveFrom(path.join(dir, segment), rest, params);
    if (found) return found;
  }
  const dynamic = entries.find((name) => /^\[\w+\]$/.test(name));
  if (dynamic) {
    const found = resolveFrom(path.join(dir, dynamic), rest, { ...params, [dynamic.slice(1, -1)]: segment });
    if (found) return found;
  }
  const catchAll = entries.find((name) => /^\[\.\.\.\w+\]$/.test(name));
  if (catchAll) {
    const file = routeFileIn(path.join(dir, catchAll));
    if (file) return { file, params: { ...params, [catchAll.slice(4, -1)]: segments } };
  }
  return null;
}

function routeFileIn(dir: string): string | undefined {
  return ["route.ts", "route.tsx"].map((name) => path.join(dir, name)).find((candidate) => {
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * Calls the real route handler for `request` (404 when no route file matches). The method is
 * dispatched by Next.js's own method table for the route file's exports (autoImplementMethods, what
 * `next start` runs): a method the file does not export gets Next.js's answer (405), HEAD runs GET,
 * and OPTIONS without an export answers 204 with Allow; this router answers nothing of its own.
 */
export async function callRoute(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const route = resolveRoute(url.pathname);
  if (!route) return new Response(null, { status: 404 });
  if (!moduleCache.has(route.file)) moduleCache.set(route.file, import(route.file).then((mod: Record<string, unknown>) => autoImplementMethods(mod as AppRouteHandlers)));
  const methods = await moduleCache.get(route.file)!;
  const handler = methods[request.method as keyof typeof methods] as Handler | undefined;
  if (!handler) throw new Error(`Next.js answers no method ${request.method}`);
  // Like Next.js, a route without dynamic segments gets no params at all.
  const params = Object.keys(route.params).length ? route.params : undefined;
  return handler(request, { params: Promise.resolve(params as Record<string, string | string[]>) });
}
