import { describe, expect, it } from "vitest";
import { formatFirstRunBanner } from "./format-first-run-banner";

describe("formatFirstRunBanner", () => {
  it("prints nothing when the org already existed", () => {
    expect(formatFirstRunBanner({ created: false }, "http://localhost:3000")).toBeNull();
  });

  it("shows generated credentials once, with a warning", () => {
    const banner = formatFirstRunBanner(
      { created: true, adminEmail: "admin@example.com", generatedPassword: "pw-123", generatedApiToken: "00tok" },
      "http://localhost:3000",
    )!;
    expect(banner).toContain("Admin login:    admin@example.com");
    expect(banner).toContain("Admin password: pw-123");
    expect(banner).toContain("API token:      SSWS 00tok");
    expect(banner).toContain("http://localhost:3000/admin");
    expect(banner).toContain("shown once");
  });

  it("never prints credentials that were configured rather than generated", () => {
    const banner = formatFirstRunBanner(
      { created: true, adminEmail: "root@example.org", generatedPassword: null, generatedApiToken: null },
      "https://id.example.com",
    )!;
    expect(banner).not.toContain("password");
    expect(banner).not.toContain("SSWS");
    expect(banner).not.toContain("shown once");
  });
});
