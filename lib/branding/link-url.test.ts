import { describe, expect, it } from "vitest";
import { isSafeLinkUrl } from "./link-url";

describe("isSafeLinkUrl: footer, help and privacy links", () => {
  it.each(["https://acme.example/help", "http://intranet.acme.example/status?x=1#top", "mailto:help@acme.example", "https://acme.example"])("accepts %s", (url) => {
    expect(isSafeLinkUrl(url)).toBe(true);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "/relative/path",
    "//acme.example/protocol-relative",
    "https://user:pass@acme.example/",
    "https://acme.example/a b",
    "mailto:",
    "mailto:a@b@c",
    "",
    `https://acme.example/${"a".repeat(2048)}`,
  ])("refuses %j", (url) => {
    expect(isSafeLinkUrl(url)).toBe(false);
  });
});
