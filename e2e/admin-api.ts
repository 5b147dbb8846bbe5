import { expect } from "@playwright/test";
import { E2E_ADMIN_TOKEN } from "./e2e-settings";

/** Whatever a JSON body parses to (Response.json() is untyped). */
type Json = Awaited<ReturnType<Response["json"]>>;

/** The management API with the e2e server's first-run SSWS token, or another (test set-up only); fails the test on a non-2xx. */
export function adminApi(baseURL: string, token = E2E_ADMIN_TOKEN) {
  return async function call<T = Json>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${baseURL}${path}`, {
      method,
      headers: { Authorization: `SSWS ${token}`, "Content-Type": "application/json", Accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = res.status === 204 ? null : await res.json();
    expect(res.status, `${method} ${path}: ${JSON.stringify(json)}`).toBeLessThan(300);
    return json as T;
  };
}
