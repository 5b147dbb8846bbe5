import { describe, expect, it } from "vitest";
import { matchRedirectUri } from "./match-redirect-uri";

describe("matchRedirectUri", () => {
  const registered = ["https://app.example.com/cb", "http://127.0.0.1/native/cb", "http://[::1]:4000/cb?x=1", "http://localhost:3000/cb"];

  it.each([
    ["https://app.example.com/cb", "web", true],
    ["https://app.example.com/cb/", "web", false],
    ["https://APP.example.com/cb", "web", false],
    ["https://app.example.com/cb?extra=1", "web", false],
    ["https://app.example.com/cb#x", "web", false],
    ["http://localhost:3000/cb", "browser", true],
    ["http://localhost:3001/cb", "native", false],
    ["http://127.0.0.1/native/cb", "web", true],
    ["http://127.0.0.1:51234/native/cb", "web", false],
    ["http://127.0.0.1:51234/native/cb", "native", true],
    ["http://127.0.0.1:51234/native/other", "native", false],
    ["http://[::1]:9999/cb?x=1", "native", true],
    ["http://[::1]:9999/cb?x=2", "native", false],
    ["http://127.0.0.1:51234/native/cb#f", "native", false],
    ["http://evil@127.0.0.1:51234/native/cb", "native", false],
    ["https://127.0.0.1:51234/native/cb", "native", false],
    // Control characters never match: the URL parser drops CR/LF/TAB, so these would have matched.
    ["http://127.0.0.1:51234/native/cb\r\n", "native", false],
    ["http://127.0.0.1:51234/native/c\tb", "native", false],
    ["http://127.0.0.1:51234/native/cb\u0000", "native", false],
    ["http://[::1]:9999/c\nb?x=1", "native", false],
    ["https://app.example.com/cb\t", "web", false],
  ])("%s for a %s app: %s", (presented, type, expected) => {
    expect(matchRedirectUri(registered, presented, type)).toBe(expected);
  });

  it("refuses a presented URI with a control character even if registered so (rows from before the rule)", () => {
    expect(matchRedirectUri(["https://app.example.com/c\tb"], "https://app.example.com/c\tb", "web")).toBe(false);
  });
});
