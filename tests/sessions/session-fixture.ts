import { createSession } from "@/lib/sessions/create-session";
import { flushSystemLog } from "@/lib/system-log/queue-system-log";
import { expect } from "vitest";
import { ORG_URL, type ApiResult } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { createTokenFixture, type TestUser, type TokenFixture } from "../oauth/token-fixture";

export const TRUSTED = "https://spa.example.com";
export const UNTRUSTED = "https://evil.example.com";

export type CallInit = { headers?: Record<string, string>; json?: unknown; body?: string };
export type SessionFixture = TokenFixture & {
  /** Any request through the real route files (no SSWS token). */
  call(method: string, path: string, init?: CallInit): Promise<ApiResult>;
  /** Starts a session for `user` as the hosted sign-in does; the `sid` cookie value. */
  signIn(user: TestUser): Promise<string>;
};

/** The token fixture (fresh database, fixed clock) plus a trusted CORS origin and plain calls. */
export async function createSessionFixture(provider: "sqlite" | "postgresql"): Promise<SessionFixture> {
  const t = await createTokenFixture(provider);
  expect((await t.f.api("POST", "/api/v1/trustedOrigins", { name: "SPA", origin: TRUSTED, scopes: [{ type: "CORS" }] })).status).toBe(200);

  async function call(method: string, path: string, init: CallInit = {}): Promise<ApiResult> {
    const headers = new Headers(init.headers);
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      if (!headers.has("Content-Type")) headers.set("Content-Type", "application/json");
    }
    const response = await callRoute(new Request(`${ORG_URL}${path}`, { method, headers, body }));
    const text = await response.text();
    await flushSystemLog(t.f.db);
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  async function signIn(user: TestUser): Promise<string> {
    const { cookieValue } = await createSession(t.f.db, { userId: user.id, amr: ["pwd"], ipAddress: "203.0.113.9", userAgent: "test", now: t.f.clock.now, orgUrl: ORG_URL });
    return cookieValue;
  }

  return Object.assign(t, { call, signIn });
}

/** Okta's error body with a generated errorId. */
export function oktaError(errorCode: string, errorSummary: string, errorCauses: Array<{ errorSummary: string }> = []) {
  return { errorCode, errorSummary, errorLink: errorCode, errorId: expect.stringMatching(/^oae[A-Za-z0-9]{22}$/), errorCauses };
}

/** The headers every end-user API answer carries. */
export function expectNoStore(res: ApiResult): void {
  expect(res.headers.get("cache-control")).toBe("no-store");
  expect(res.headers.get("pragma")).toBe("no-cache");
  expect(res.headers.get("vary")).toBe("Origin");
}
