import { createHash } from "node:crypto";
import { expect } from "vitest";
import { getAppContext } from "@/lib/app-context";
import { loadSigninView } from "@/lib/hosted/load-signin-view";
import { flushSystemLog } from "@/lib/system-log/queue-system-log";
import { ORG_URL } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { createTokenFixture, REDIRECT_URI, serverBase, type TestApp, type TestUser, type TokenFixture } from "./token-fixture";

export const AUTHORIZE_URL = `${ORG_URL}/oauth2/default/v1/authorize`;
/** RFC 7636 Appendix B. */
export const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
export const CHALLENGE = createHash("sha256").update(VERIFIER).digest("base64url");

export type Answer = { status: number; headers: Headers; text: string; location: string | null; setCookies: string[] };

/** A browser's cookies for the org: Set-Cookie applied (Max-Age=0 deletes), sent back as Cookie. */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  apply(setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      if (attributes.some((a) => a.trim().toLowerCase() === "max-age=0")) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export type AuthorizeFixture = TokenFixture & {
  /** GET (or POST) /authorize with these parameters (a string is sent as the query as is), from the jar's browser. */
  authorize(params: Record<string, string> | string, options?: { jar?: CookieJar; method?: "GET" | "POST"; server?: string }): Promise<Answer>;
  /** GET any URL of the org (e.g. a Location) from the jar's browser. */
  get(url: string, jar?: CookieJar): Promise<Answer>;
  /** POST a form to a URL of the org from the jar's browser (Origin: the org). */
  post(url: string, form: Record<string, string>, jar?: CookieJar, headers?: Record<string, string>): Promise<Answer>;
  /** From a 302 to /signin: signs in through /signin/submit and follows the 303 to resume. */
  signIn(signinLocation: string, user: TestUser, jar: CookieJar): Promise<Answer>;
  /** A fresh browser signed in as `user` (through an authorize request of `app`). */
  browserFor(user: TestUser, app: TestApp): Promise<CookieJar>;
  /** The CSRF field the sign-in page of pending request `id` renders for the jar's browser ("" when it shows none). */
  signinCsrf(id: string, jar: CookieJar): Promise<string>;
};

async function toAnswer(response: Response, jar?: CookieJar): Promise<Answer> {
  const setCookies = response.headers.getSetCookie();
  jar?.apply(setCookies);
  return { status: response.status, headers: response.headers, text: await response.text(), location: response.headers.get("location"), setCookies };
}

/** The parameters of a redirect's query or fragment. */
export function responseParams(location: string): Record<string, string> {
  const url = new URL(location);
  const source = url.hash ? url.hash.slice(1) : url.search.slice(1);
  return Object.fromEntries(new URLSearchParams(source));
}

/** An authorization code request of `clientId` with PKCE (S256 of VERIFIER) and state "st-1", plus `extra`. */
export function codeRequest(clientId: string, extra: Record<string, string> = {}): Record<string, string> {
  return { client_id: clientId, redirect_uri: REDIRECT_URI, response_type: "code", scope: "openid", state: "st-1", code_challenge: CHALLENGE, code_challenge_method: "S256", ...extra };
}

export function requestIdOf(location: string): string {
  const id = new URL(location).searchParams.get("request");
  expect(id).toMatch(/^ftx[0-9A-Za-z]{17}$/);
  return id!;
}

export async function createAuthorizeFixture(provider: "sqlite" | "postgresql"): Promise<AuthorizeFixture> {
  const t = await createTokenFixture(provider);

  async function authorize(params: Record<string, string> | string, options: { jar?: CookieJar; method?: "GET" | "POST"; server?: string } = {}): Promise<Answer> {
    const query = typeof params === "string" ? params : new URLSearchParams(params).toString();
    const url = `${serverBase(options.server ?? "default")}/v1/authorize`;
    const headers: Record<string, string> = { "user-agent": "vitest" };
    if (options.jar) headers.cookie = options.jar.header();
    const request =
      options.method === "POST"
        ? new Request(url, { method: "POST", headers: { ...headers, "content-type": "application/x-www-form-urlencoded" }, body: query })
        : new Request(`${url}?${query}`, { headers });
    const answer = await toAnswer(await callRoute(request), options.jar);
    await flushSystemLog(t.f.db);
    return answer;
  }

  async function get(url: string, jar?: CookieJar): Promise<Answer> {
    const answer = await toAnswer(await callRoute(new Request(url, { headers: jar ? { cookie: jar.header() } : {} })), jar);
    await flushSystemLog(t.f.db);
    return answer;
  }

  async function post(url: string, form: Record<string, string>, jar?: CookieJar, headers: Record<string, string> = {}): Promise<Answer> {
    const request = new Request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORG_URL, ...(jar ? { cookie: jar.header() } : {}), ...headers },
      body: new URLSearchParams(form).toString(),
    });
    const answer = await toAnswer(await callRoute(request), jar);
    await flushSystemLog(t.f.db);
    return answer;
  }

  async function signIn(signinLocation: string, user: TestUser, jar: CookieJar): Promise<Answer> {
    const id = requestIdOf(signinLocation);
    const submitted = await post(`${ORG_URL}/signin/submit`, { request: id, csrf: await signinCsrf(id, jar), username: user.login, password: user.password }, jar);
    expect(submitted.status, submitted.text).toBe(303);
    return get(submitted.location!, jar);
  }

  async function browserFor(user: TestUser, app: TestApp): Promise<CookieJar> {
    const jar = new CookieJar();
    const first = await authorize({ client_id: app.clientId, redirect_uri: REDIRECT_URI, response_type: "code", scope: "openid", state: "warm", code_challenge: CHALLENGE, code_challenge_method: "S256" }, { jar });
    expect(first.status).toBe(302);
    const done = await signIn(first.location!, user, jar);
    expect(done.status, done.text).toBe(302);
    expect(jar.cookies.get("sid")).toBeTruthy();
    return jar;
  }

  async function signinCsrf(id: string, jar: CookieJar): Promise<string> {
    const view = await loadSigninView(t.f.db, { requestId: id, error: null, cookieHeader: jar.header(), secretsKey: getAppContext().secretsKey, now: t.f.clock.now });
    return view.ok ? view.csrfToken : "";
  }

  return { ...t, authorize, get, post, signIn, browserFor, signinCsrf };
}
