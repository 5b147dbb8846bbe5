import { NextResponse, type NextRequest } from "next/server";
import { randomToken } from "@/lib/crypto/random-token";
import { renderedPageCsp } from "@/lib/http/rendered-page-csp";

/**
 * Next.js Proxy (the Next 16 successor of middleware), for the pages Next.js renders for people
 * only: a fresh nonce per response and a script CSP bound to it (lib/http/rendered-page-csp).
 * Next.js reads the nonce from the request's Content-Security-Policy header and puts it on its
 * scripts. The protocol endpoints, /authorize and the APIs never come here (matcher).
 */
export function proxy(request: NextRequest) {
  const csp = renderedPageCsp(randomToken(18), { dev: process.env.NODE_ENV !== "production" });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/signin", "/consent", "/admin", "/admin/:path*"],
};
