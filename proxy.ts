import { NextResponse, type NextRequest } from "next/server";
import { getAppContext } from "@/lib/app-context";
import { randomToken } from "@/lib/crypto/random-token";
import { checkServerActionBody, type ServerActionBody } from "@/lib/http/check-server-action-body";
import { hostedPageFraming, NO_FRAMING, type HostedPageFraming } from "@/lib/trusted-origins/hosted-page-framing";
import { renderedPageCsp } from "@/lib/http/rendered-page-csp";
import { ANTI_FRAMING_HEADERS, BASE_HEADERS, EMBEDDABLE_PAGE_PATH, LOCALISED_PAGE_PATH } from "@/lib/http/response-headers";
import { HOSTED_PAGE_REQUEST_HEADER } from "@/lib/http/hosted-page-request-header";
import { isPendingAuthorizationId } from "@/lib/ids/is-pending-authorization-id";
import { ADMIN_PAGE_PATH_HEADER } from "@/lib/dashboard/page-permissions";

const RENDERED_PAGES = /^\/(?:signin(?:\/(?:factor|forgot-password|expired-password|register|(?:reset-password|welcome|verify-email)\/[^/]+))?|consent|admin(?:\/.*)?|account(?:\/[a-z-]+){0,2})$/;

/**
 * Next.js Proxy (the Next 16 successor of middleware):
 * - a server action call (a POST with Next-Action, to any page) whose body React's decoder would
 *   fail on is answered 400 here (lib/http/check-server-action-body); Next.js would answer 500;
 * - the pages Next.js renders for people get a fresh nonce per response and a script CSP bound to
 *   it (lib/http/rendered-page-csp). Next.js reads the nonce from the request's
 *   Content-Security-Policy header and puts it on its scripts;
 * - /signin and /consent may be framed by the IFRAME_EMBED trusted origins (hostedPageFraming):
 *   their frame-ancestors and X-Frame-Options are set here (next.config.js leaves them out), DENY
 *   when there is no such origin or it cannot be read;
 * - the hosted pages (/signin and its factor, recovery, activation and registration pages, /consent) and the home page are in the language of their request:
 *   the root layout learns their `request` (HOSTED_PAGE_REQUEST_HEADER) for `<html lang>` (their
 *   `Vary: Accept-Language` is added by lib/cli/vary-by-language.mjs: Next.js replaces the Vary
 *   header of a page after this runs);
 * - the dashboard's pages learn their path (ADMIN_PAGE_PATH_HEADER) for their permission check.
 * The protocol endpoints, /authorize and the APIs never come here (matcher).
 */
export async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action")) {
    const body = await readActionBody(request);
    const problem = body ? checkServerActionBody(body) : "The multipart body cannot be parsed.";
    if (problem) return new NextResponse(`${problem}\n`, { status: 400, headers: { ...BASE_HEADERS, ...ANTI_FRAMING_HEADERS, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const { pathname } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.delete(HOSTED_PAGE_REQUEST_HEADER);
  // the dashboard's pages learn which page was asked for (PAGE_PERMISSIONS); a pathname is ASCII
  headers.delete(ADMIN_PAGE_PATH_HEADER);
  if (/^\/admin(?:\/[\x21-\x7e]*)?$/.test(pathname)) headers.set(ADMIN_PAGE_PATH_HEADER, pathname);
  if (LOCALISED_PAGE_PATH.test(pathname)) {
    const ids = request.nextUrl.searchParams.getAll("request");
    // only an id's shape goes into the header: a NUL, CR/LF or non-Latin-1 character would make Headers.set throw (a 500)
    headers.set(HOSTED_PAGE_REQUEST_HEADER, ids.length === 1 && isPendingAuthorizationId(ids[0]) ? ids[0] : "");
  }
  if (!RENDERED_PAGES.test(pathname)) return NextResponse.next({ request: { headers } });
  const embeddable = EMBEDDABLE_PAGE_PATH.test(pathname);
  const framing = embeddable ? await readFraming() : NO_FRAMING;
  const csp = renderedPageCsp(randomToken(18), { dev: process.env.NODE_ENV !== "production", frameAncestors: framing.frameAncestors });
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  if (embeddable && framing.denyFraming) response.headers.set("X-Frame-Options", ANTI_FRAMING_HEADERS["X-Frame-Options"]);
  return response;
}

/** Who may frame /signin and /consent; nobody when the trusted origins cannot be read (the page itself then shows the 503 page). */
async function readFraming(): Promise<HostedPageFraming> {
  try {
    const app = getAppContext();
    return await hostedPageFraming(app.db, app.now());
  } catch (error) {
    console.warn(`[proxy] IFRAME_EMBED trusted origins unavailable, pages not frameable: ${error instanceof Error ? error.message : String(error)}`);
    return NO_FRAMING;
  }
}

/** The body as React's decoder will see it (Next.js hands the route its own copy); null: unparseable. */
async function readActionBody(request: NextRequest): Promise<ServerActionBody | null> {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) return { kind: "text", text: await request.text() };
  try {
    const form = await request.formData();
    return { kind: "multipart", fields: [...form.entries()].map(([name, value]) => [name, typeof value === "string" ? value : null]) };
  } catch {
    return null;
  }
}

export const config = {
  matcher: ["/", "/signin", "/signin/factor", "/signin/forgot-password", "/signin/expired-password", "/signin/reset-password/:token", "/signin/welcome/:token", "/signin/register", "/signin/verify-email/:token", "/consent", "/admin", "/admin/:path*", "/account", "/account/:path*", { source: "/:path*", has: [{ type: "header", key: "next-action" }] }],
};
