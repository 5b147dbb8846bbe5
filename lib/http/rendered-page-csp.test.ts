import { describe, expect, it } from "vitest";
import { renderedPageCsp } from "./rendered-page-csp";

const NONCE = "cmFuZG9tLW5vbmNlLXZhbHVl";

describe("renderedPageCsp", () => {
  it.each([
    ["production", {}, `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`],
    ["next dev", { dev: true }, `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic' 'unsafe-eval'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`],
    [
      "framed by IFRAME_EMBED origins",
      { frameAncestors: "'self' https://portal.example.com" },
      `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'; object-src 'none'; base-uri 'none'; frame-ancestors 'self' https://portal.example.com`,
    ],
  ])("%s", (_, options, expected) => {
    expect(renderedPageCsp(NONCE, options)).toBe(expected);
  });

  it.each(["", "short", "has space in it 12345", "quote'in-the-nonce-1234", `${NONCE};script-src *`])("refuses the nonce %j", (nonce) => {
    expect(() => renderedPageCsp(nonce)).toThrow(RangeError);
  });
});
