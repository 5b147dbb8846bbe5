import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { testProviders } from "../support/test-databases";

const FORM = "application/x-www-form-urlencoded";

/** A body stream of `total` bytes in 16 KiB chunks with no Content-Length (chunked), counting what was pulled. */
function chunkedBody(total: number) {
  const state = { pulledBytes: 0 };
  const chunk = new Uint8Array(16 * 1024).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulledBytes >= total) return controller.close();
      state.pulledBytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  }, { highWaterMark: 0 });
  return { stream, state };
}

function send(path: string, init: { method?: string; contentType: string; body: string | ReadableStream<Uint8Array>; headers?: Record<string, string> }) {
  const request = new Request(`${ORG_URL}${path}`, {
    method: init.method ?? "POST",
    headers: { "Content-Type": init.contentType, ...init.headers },
    body: init.body,
    ...(typeof init.body === "string" ? {} : { duplex: "half" }),
  } as RequestInit);
  return callRoute(request);
}

describe.each(testProviders())("request body limits, before authentication and parsing, on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  it("declares 64 KiB for protocol forms, hosted forms and the end-user API, 1 MiB for the admin API", () => {
    expect(BODY_LIMITS).toEqual({ protocol: 65536, hosted: 65536, endUser: 65536, admin: 1048576 });
  });

  it("admin API: 413 E0000001 with or without a token, nothing created; a body at the limit is read", async () => {
    const groupsBefore = await f.db.group.count();
    for (const token of [undefined, null]) {
      const res = await f.api("POST", "/api/v1/groups", undefined, { token, headers: { "Content-Type": "application/json" }, rawBody: `{"profile":{"name":"${"g".repeat(BODY_LIMITS.admin)}"}}` });
      expect(res.status).toBe(413);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.headers.get("connection")).toBe("close");
      expect(res.body).toEqual({
        errorCode: "E0000001",
        errorSummary: "Api validation failed: request body",
        errorLink: "E0000001",
        errorId: expect.stringMatching(/^oae/),
        errorCauses: [{ errorSummary: "The request body is too large: at most 1024 KiB." }],
      });
    }
    expect(await f.db.group.count()).toBe(groupsBefore);
    // Just under the limit: read and parsed (the API's own validation answers, not 413).
    const padded = JSON.stringify({ profile: { name: "Limit Group", description: "d".repeat(1000) }, padding: "p".repeat(BODY_LIMITS.admin - 1200) });
    expect(Buffer.byteLength(padded)).toBeLessThanOrEqual(BODY_LIMITS.admin);
    const ok = await f.api("POST", "/api/v1/groups", undefined, { headers: { "Content-Type": "application/json" }, rawBody: padded });
    expect(ok.status).not.toBe(413);
  });

  it("a chunked body without Content-Length stops being read just past the limit", async () => {
    const { stream, state } = chunkedBody(50 * 1024 * 1024);
    const res = await send("/api/v1/groups", { contentType: "application/json", body: stream, headers: { Authorization: "SSWS nope" } });
    expect(res.status).toBe(413);
    expect(state.pulledBytes).toBeLessThanOrEqual(BODY_LIMITS.admin + 3 * 16 * 1024);
  });

  it("protocol endpoints: 413 invalid_request with no-store, for the token endpoint's route handler", async () => {
    const res = await send("/oauth2/default/v1/token", { contentType: FORM, body: `grant_type=client_credentials&x=${"a".repeat(BODY_LIMITS.protocol)}` });
    expect(res.status).toBe(413);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ error: "invalid_request", error_description: "The request body is too large: at most 64 KiB." });
  });

  it("hosted form posts (POST /authorize): a 413 page a person can read", async () => {
    const res = await send("/oauth2/default/v1/authorize", { contentType: FORM, body: `client_id=x&state=${"s".repeat(BODY_LIMITS.hosted)}` });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(await res.text()).toContain("This request is too large");
  });

  it("end-user API (/api/v1/authn): 413 E0000001", async () => {
    const res = await send("/api/v1/authn", { contentType: "application/json", body: JSON.stringify({ username: "u", password: "p".repeat(BODY_LIMITS.endUser) }) });
    expect(res.status).toBe(413);
    expect((await res.json()).errorCode).toBe("E0000001");
  });
});
