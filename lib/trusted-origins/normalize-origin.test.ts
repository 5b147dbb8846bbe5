import { describe, expect, it } from "vitest";
import { normalizeOrigin } from "./normalize-origin";

describe("normalizeOrigin", () => {
  it.each([
    ["https://app.example.com", "https://app.example.com"],
    ["http://localhost:3000", "http://localhost:3000"],
    ["HTTPS://App.Example.COM", "https://app.example.com"],
    ["https://example.com:443", "https://example.com"],
    ["http://example.com:80", "http://example.com"],
    ["https://example.com:8443", "https://example.com:8443"],
    ["http://localhost:3000/", "http://localhost:3000"],
    ["http://127.0.0.1:8080", "http://127.0.0.1:8080"],
    ["http://[::1]:3000", "http://[::1]:3000"],
    ["https://bücher.example", "https://xn--bcher-kva.example"],
    ["capacitor://localhost", "capacitor://localhost"],
    ["ionic://LocalHost", "ionic://localhost"],
    ["capacitor://app.example.com:8080", "capacitor://app.example.com:8080"],
  ])("accepts %s as %s", (value, origin) => {
    expect(normalizeOrigin(value)).toEqual({ ok: true, origin });
  });

  it.each([
    ["", "An origin must be scheme://host[:port], e.g. https://app.example.com."],
    ["example.com", "An origin must be scheme://host[:port], e.g. https://app.example.com."],
    ["//example.com", "An origin must be scheme://host[:port], e.g. https://app.example.com."],
    ["https:/example.com", "An origin must be scheme://host[:port], e.g. https://app.example.com."],
    ["ftp://example.com", "The scheme must be http or https (or capacitor or ionic for hybrid apps)."],
    ["javascript://example.com", "The scheme must be http or https (or capacitor or ionic for hybrid apps)."],
    ["com.example.app://callback", "The scheme must be http or https (or capacitor or ionic for hybrid apps)."],
    ["https://example.com/path", "An origin has no path, query or fragment: give scheme://host[:port] only."],
    ["https://example.com//", "An origin has no path, query or fragment: give scheme://host[:port] only."],
    ["https://example.com?x=1", "An origin has no path, query or fragment: give scheme://host[:port] only."],
    ["https://example.com#top", "An origin has no path, query or fragment: give scheme://host[:port] only."],
    ["https://example.com\\evil", "An origin has no path, query or fragment: give scheme://host[:port] only."],
    ["https://user:pass@example.com", "An origin cannot contain a user name or password."],
    ["https://*.example.com", "Wildcards are not supported: add each origin."],
    ["https://", "An origin needs a host."],
    ["https://:443", "An origin needs a host."],
    [" https://example.com", "An origin cannot contain whitespace or control characters."],
    ["https://exa mple.com", "An origin cannot contain whitespace or control characters."],
    ["https://example.com\n", "An origin cannot contain whitespace or control characters."],
    ["https://example.com:99999", "The host or port is not valid."],
    ["https://example.com:port", "The host or port is not valid."],
    ["https://256.256.256.256", "The host or port is not valid."],
    ["https://exa<mple.com", "The host or port is not valid."],
    ["capacitor://local_host", "The host or port is not valid."],
    ["capacitor://localhost:70000", "The host or port is not valid."],
    [`https://${"a".repeat(1020)}.com`, "An origin is at most 1024 characters."],
  ])("refuses %j", (value, reason) => {
    expect(normalizeOrigin(value)).toEqual({ ok: false, reason });
  });
});
