import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const APP_DIR = path.resolve(__dirname, "../../app");
type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
const moduleCache = new Map<string, Promise<Record<string, unknown>>>();

/**
 * Resolves a URL path to an App Router route file the way Next.js does for this project's routes
 * (literal folders first, then [param] and [...param] folders) and returns the file and params.
 */
export function resolveRoute(pathname: string): { file: string; params: Record<string, string | string[]> } | null {
  const segments = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const params: Record<string, string | string[]> = {};
  let dir = APP_DIR;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const entries = readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isDirectory() && !name.startsWith("_"));
    if (entries.includes(segment)) {
      dir = path.join(dir, segment);
      continue;
    }
    const catchAll = entries.find((name) => /^\[\.\.\.\w+\]$/.test(name));
    const dynamic = entries.find((name) => /^\[\w+\]$/.test(name));
    if (dynamic) {
      params[dynamic.slice(1, -1)] = segment;
      dir = path.join(dir, dynamic);
    } else if (catchAll) {
      params[catchAll.slice(4, -1)] = segments.slice(i);
      dir = path.join(dir, catchAll);
      break;
    } else {
      return null;
    }
  }
  const file = ["route.ts", "route.tsx"].map((name) => path.join(dir, name)).find((candidate) => {
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
  return file ? { file, params } : null;
}

/** Calls the real route handler for `request` (404 when no route file matches, 405 when the method is missing). */
export async function callRoute(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const route = resolveRoute(url.pathname);
  if (!route) return new Response(null, { status: 404 });
  if (!moduleCache.has(route.file)) moduleCache.set(route.file, import(route.file));
  const mod = await moduleCache.get(route.file)!;
  const handler = mod[request.method] as Handler | undefined;
  if (!handler) return new Response(null, { status: 405 });
  // Like Next.js, a route without dynamic segments gets no params at all.
  const params = Object.keys(route.params).length ? route.params : undefined;
  return handler(request, { params: Promise.resolve(params as Record<string, string | string[]>) });
}
