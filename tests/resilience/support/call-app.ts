import { ORG_URL, type ApiResult } from "../../support/admin-fixture";
import { callRoute } from "../../support/call-route";

export type CallInit = { form?: Record<string, string>; basic?: [string, string]; json?: unknown; headers?: Record<string, string> };

/** Calls the real route handler of `path` with a form or JSON body and Basic credentials; the answer as the fixtures give it. */
export async function callApp(method: string, path: string, init: CallInit = {}): Promise<ApiResult> {
  const headers = new Headers(init.headers);
  let body: string | undefined;
  if (init.form) {
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(init.form).toString();
  }
  if (init.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(init.json);
  }
  if (init.basic) headers.set("Authorization", `Basic ${Buffer.from(init.basic.join(":")).toString("base64")}`);
  const response = await callRoute(new Request(`${ORG_URL}${path}`, { method, headers, body }));
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}
