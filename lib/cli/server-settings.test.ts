import { describe, expect, it } from "vitest";
import { parsePort, parseServerTimeouts } from "./server-settings.mjs";

describe("parsePort", () => {
  it.each([
    [{}, 3000],
    [{ PORT: " 8080 " }, 8080],
    [{ PORT: "" }, 3000],
  ])("%j -> %i", (env, port) => {
    expect(parsePort(env)).toBe(port);
  });

  it.each(["abc", "0", "70000", "80.5", "-1"])("PORT=%s is refused in parse-config's words", (raw) => {
    expect(() => parsePort({ PORT: raw })).toThrow(`Invalid configuration: PORT must be a port number from 1 to 65535 (got "${raw}").`);
  });
});

describe("parseServerTimeouts", () => {
  it.each([
    [{}, { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 }],
    [{ SERVER_HEADERS_TIMEOUT_MS: "2000", SERVER_REQUEST_TIMEOUT_MS: "4000" }, { headersTimeoutMs: 2000, requestTimeoutMs: 4000 }],
    [{ SERVER_HEADERS_TIMEOUT_MS: "45000" }, { headersTimeoutMs: 45_000, requestTimeoutMs: 45_000 }],
  ])("%j -> %j, keep-alive 65 s, checked every second", (env, expected) => {
    expect(parseServerTimeouts(env)).toEqual({ ...expected, keepAliveTimeoutMs: 65_000, checkIntervalMs: 1000 });
  });

  it.each([
    [{ SERVER_HEADERS_TIMEOUT_MS: "999" }, 'Invalid configuration: SERVER_HEADERS_TIMEOUT_MS must be a whole number of milliseconds from 1000 to 600000 (got "999").'],
    [{ SERVER_REQUEST_TIMEOUT_MS: "30s" }, 'Invalid configuration: SERVER_REQUEST_TIMEOUT_MS must be a whole number of milliseconds from 1000 to 3600000 (got "30s").'],
    [{ SERVER_HEADERS_TIMEOUT_MS: "20000", SERVER_REQUEST_TIMEOUT_MS: "5000" }, "Invalid configuration: SERVER_REQUEST_TIMEOUT_MS must not be shorter than SERVER_HEADERS_TIMEOUT_MS (got 5000 < 20000)."],
  ])("%j is refused", (env, message) => {
    expect(() => parseServerTimeouts(env)).toThrow(message);
  });
});
