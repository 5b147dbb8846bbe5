import type { IncomingMessage, ServerResponse } from "node:http";
import { Duplex } from "node:stream";
import { describe, expect, it } from "vitest";
import { answerClientError, answerFor, canonicalLocation, findRefusal, isDecodablePath, rejectMalformedRequest, routeMatcher } from "./reject-malformed-request.mjs";

const isRouteHandler = routeMatcher(["/api/v1/users/[userId]", "/api/v1/[...unknown]", "/signin/submit", "/oauth2/[authServerId]/v1/token", "/oauth2/[authServerId]/v1/authorize", "/docs/[[...slug]]"]);
const ACTION = { "next-action": "405afe7cd5cecce1048167f849e46f2b80738833b2", host: "127.0.0.1:3000" };

describe("routeMatcher", () => {
  it.each([
    ["/api/v1/users/00u1", true],
    ["/api/v1/users/00u1/", true],
    ["/api/v1/a/b/c", true],
    ["/api/v1", false],
    ["/signin/submit", true],
    ["/signin", false],
    ["/oauth2/default/v1/token", true],
    ["/oauth2/default/v1/tokens", false],
    ["/docs", true],
    ["/docs/a/b", true],
    ["/admin", false],
  ])("%s is a route handler: %s", (pathname, expected) => {
    expect(isRouteHandler(pathname)).toBe(expected);
  });
});

describe("findRefusal", () => {
  it.each<[string, string, string, Record<string, string>, number | null]>([
    ["TRACE", "TRACE", "/admin", {}, 405],
    ["TRACK", "TRACK", "/api/v1/users", {}, 405],
    ["trace in lower case", "trace", "/", {}, 405],
    ["a bad escape in a path segment", "GET", "/api/v1/users/%zz", {}, 400],
    ["a lone %", "GET", "/oauth2/%/v1/keys", {}, 400],
    ["invalid UTF-8 in a path segment", "GET", "/admin/users/%ff", {}, 400],
    ["a surrogate in a path segment", "POST", "/oauth2/%ed%a0%80/v1/token", {}, 400],
    ["a bad escape in the query only (the route's to answer)", "GET", "/api/v1/users?x=%zz", {}, null],
    ["an encoded NUL (decodable)", "GET", "/api/v1/users/%00", {}, null],
    ["PUT to /authorize (Next.js's 405 has no framing headers)", "PUT", "/oauth2/default/v1/authorize", {}, 405],
    ["OPTIONS to /authorize/resume", "OPTIONS", "/oauth2/default/v1/authorize/resume", {}, 405],
    ["POST to /authorize/resume (GET only)", "POST", "/oauth2/default/v1/authorize/resume", {}, 405],
    ["POST to /authorize", "POST", "/oauth2/default/v1/authorize", {}, null],
    ["GET /authorize", "GET", "/oauth2/default/v1/authorize?client_id=x", {}, null],
    ["PUT to the org authorization server's /authorize", "PUT", "/oauth2/v1/authorize", {}, 405],
    ["POST to the org authorization server's /authorize/resume", "POST", "/oauth2/v1/authorize/resume", {}, 405],
    ["GET the org authorization server's /authorize", "GET", "/oauth2/v1/authorize?client_id=x", {}, null],
    ["multipart POST to a page without Next-Action", "POST", "/admin", { "content-type": "multipart/form-data; boundary=x" }, 400],
    ["multipart POST to the not-found page", "POST", "/nowhere", { "content-type": "Multipart/Form-Data; boundary=x" }, 400],
    ["multipart POST to a route handler (its own to answer)", "POST", "/signin/submit", { "content-type": "multipart/form-data; boundary=x" }, null],
    ["a server action with a multipart body without boundary", "POST", "/admin", { ...ACTION, "content-type": "multipart/form-data" }, 400],
    ["a server action with an unparseable Origin", "POST", "/admin", { ...ACTION, origin: "::::" }, 403],
    ["a server action with Origin null", "POST", "/admin", { ...ACTION, origin: "null" }, 403],
    ["a server action from another site", "POST", "/admin/users", { ...ACTION, origin: "http://evil.example" }, 403],
    ["a server action from this origin", "POST", "/admin/users", { ...ACTION, origin: "http://127.0.0.1:3000" }, null],
    ["a server action checked against X-Forwarded-Host", "POST", "/admin", { ...ACTION, origin: "https://id.example.com", "x-forwarded-host": "id.example.com, proxy" }, null],
    ["a server action without Origin (Next.js lets it through)", "POST", "/admin", ACTION, null],
    ["a form POST to a page", "POST", "/admin", { "content-type": "application/x-www-form-urlencoded", origin: "::::" }, null],
    ["an unparseable Origin on a route handler (its own to answer)", "POST", "/oauth2/default/v1/token", { origin: "::::", "next-action": "x" }, null],
  ])("%s", (_, method, url, headers, status) => {
    expect(findRefusal(method, url, headers, isRouteHandler)?.status ?? null).toBe(status);
  });
});

describe("isDecodablePath", () => {
  it.each([
    ["/a/b", true],
    ["/a%20b/%C3%A9", true],
    ["/%E0%A4%A", false],
    ["/%c0%af", false],
    ["/50%", false],
  ])("%s: %s", (pathname, expected) => {
    expect(isDecodablePath(pathname)).toBe(expected);
  });
});

describe("answerFor", () => {
  const refusal = { status: 400, reason: "path", detail: "The request path is not valid percent-encoded UTF-8." };
  it("speaks Okta's error shape under /api and /oauth2/v1/clients", () => {
    for (const pathname of ["/api/v1/users/%zz", "/oauth2/v1/clients/%zz"]) {
      const answer = answerFor(refusal, pathname);
      expect(answer.headers["Content-Type"]).toBe("application/json");
      expect(JSON.parse(answer.body)).toEqual({ errorCode: "E0000001", errorSummary: "Api validation failed: path", errorLink: "E0000001", errorId: expect.stringMatching(/^oae[0-9A-Za-z]{22}$/), errorCauses: [{ errorSummary: refusal.detail }] });
    }
    expect(JSON.parse(answerFor({ status: 405, reason: "method", detail: "x" }, "/api/v1/users").body).errorCode).toBe("E0000022");
    expect(JSON.parse(answerFor({ status: 403, reason: "origin", detail: "x" }, "/api/v1/users").body).errorCode).toBe("E0000006");
  });

  it("speaks OAuth's error shape under /oauth2/:as", () => {
    const answer = answerFor(refusal, "/oauth2/%zz/v1/token");
    expect(answer).toEqual({ status: 400, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ error: "invalid_request", error_description: refusal.detail }) });
  });

  it("answers a page elsewhere, and names the allowed methods on a 405", () => {
    const answer = answerFor({ status: 405, reason: "method", detail: "The TRACE method is not supported.", allow: "GET, HEAD, POST" }, "/admin");
    expect(answer.headers).toEqual({ Allow: "GET, HEAD, POST", "Content-Type": "text/html; charset=utf-8" });
    expect(answer.body).toContain("<h1>Method not allowed</h1><p>The TRACE method is not supported.</p>");
  });
});

describe("canonicalLocation", () => {
  it.each([
    ["/admin/", "/admin"],
    ["//admin", "/admin"],
    ["/admin//users?x=1", "/admin/users?x=1"],
    ["/admin/users/.%2e/", "/admin"],
    ["/a/%2E/b/", "/a/b"],
    ["/x/../../y/", "/y"],
    ["/a/\u00c3\u00a9/?q=\u00ff", "/a/%C3%A9?q=%FF"],
    ["/", null],
    ["/admin", null],
    ["/admin/./users", "/admin/users"],
    ["/api/v1/api-tokens/00p1/%2e%2e?q=a", "/api/v1/api-tokens?q=a"],
    ["/admin/applications/%2E", "/admin/applications"],
    ["/a/..b/.c", null],
    ["http://127.0.0.1/admin/", null],
    ["*", null],
  ])("%s -> %s", (url, expected) => {
    expect(canonicalLocation(url)).toBe(expected);
  });
});

/** A ServerResponse stand-in that records what is written. */
function recorder() {
  const written: { status?: number; headers?: Record<string, string>; body?: string } = {};
  const response = {
    writeHead(status: number, headers: Record<string, string>) {
      written.status = status;
      written.headers = headers;
    },
    end(body?: string) {
      written.body = body;
    },
  };
  return { response: response as unknown as ServerResponse, written };
}

describe("rejectMalformedRequest", () => {
  const request = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers }) as unknown as IncomingMessage;

  it("writes the refusal with the security headers and returns true", () => {
    const { response, written } = recorder();
    expect(rejectMalformedRequest(request("TRACE", "/admin"), response)).toBe(true);
    expect(written.status).toBe(405);
    expect(written.headers).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY", "Cache-Control": "no-store" });
    expect(written.headers!["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(written.headers!["Content-Length"]).toBe(String(Buffer.byteLength(written.body!)));
  });

  it("redirects a trailing slash with the security headers", () => {
    const { response, written } = recorder();
    expect(rejectMalformedRequest(request("GET", "/admin/?a=1"), response)).toBe(true);
    expect(written).toMatchObject({ status: 308, headers: { Location: "/admin?a=1", "X-Frame-Options": "DENY" } });
  });

  it("sends no body to HEAD", () => {
    const { response, written } = recorder();
    expect(rejectMalformedRequest(request("HEAD", "/api/v1/users/%zz"), response)).toBe(true);
    expect(written.status).toBe(400);
    expect(written.body).toBeUndefined();
  });

  it("writes nothing and returns false for a request Next.js can handle", () => {
    const { response, written } = recorder();
    expect(rejectMalformedRequest(request("GET", "/admin?q=%zz"), response)).toBe(false);
    expect(written).toEqual({});
  });
});

describe("answerClientError", () => {
  function socket() {
    const chunks: string[] = [];
    let destroyed = false;
    const duplex = new Duplex({
      read() {},
      write(chunk, _encoding, callback) {
        chunks.push(chunk.toString());
        callback();
      },
    });
    duplex.destroy = ((() => {
      destroyed = true;
      return duplex;
    }) as unknown) as Duplex["destroy"];
    return { duplex, chunks, destroyed: () => destroyed };
  }

  it.each([
    ["HPE_HEADER_OVERFLOW", "HTTP/1.1 431 Request Header Fields Too Large"],
    ["HPE_INVALID_METHOD", "HTTP/1.1 400 Bad Request"],
    ["ERR_HTTP_REQUEST_TIMEOUT", "HTTP/1.1 408 Request Timeout"],
  ])("%s: %s with the security headers, then the connection closes", async (code, statusLine) => {
    const { duplex, chunks, destroyed } = socket();
    answerClientError(Object.assign(new Error(code), { code }), duplex);
    await new Promise((resolve) => setImmediate(resolve));
    const text = chunks.join("");
    expect(text.startsWith(`${statusLine}\r\n`)).toBe(true);
    expect(text).toContain("X-Content-Type-Options: nosniff\r\n");
    expect(text).toContain("X-Frame-Options: DENY\r\n");
    expect(text).toContain("Connection: close\r\n");
    expect(text.endsWith("\r\n\r\n")).toBe(true);
    expect(destroyed()).toBe(true);
  });
});
