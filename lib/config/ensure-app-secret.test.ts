import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "./config-error";
import { ensureAppSecret } from "./ensure-app-secret";
import { parseConfig } from "./parse-config";

function configWith(env: Record<string, string>) {
  return parseConfig(env);
}

describe("ensureAppSecret", () => {
  it("returns APP_SECRET when it is set, writing nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "secret-"));
    const file = join(dir, "app-secret");
    const secret = "s".repeat(40);
    expect(ensureAppSecret(configWith({ APP_SECRET: secret, APP_SECRET_FILE: file }))).toBe(secret);
    expect(() => statSync(file)).toThrow();
  });

  it("generates the embedded secret once, mode 0600, and reuses it", () => {
    const dir = mkdtempSync(join(tmpdir(), "secret-"));
    const file = join(dir, "nested", "app-secret");
    const first = ensureAppSecret(configWith({ APP_SECRET_FILE: file }));
    expect(first).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(ensureAppSecret(configWith({ APP_SECRET_FILE: file }))).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
  });

  it("tightens a secret file that others could read", () => {
    const dir = mkdtempSync(join(tmpdir(), "secret-"));
    const file = join(dir, "app-secret");
    writeFileSync(file, "k".repeat(48));
    chmodSync(file, 0o644);
    expect(ensureAppSecret(configWith({ APP_SECRET_FILE: file }))).toBe("k".repeat(48));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("refuses an empty or short secret file with a one-line APP_SECRET error", () => {
    const dir = mkdtempSync(join(tmpdir(), "secret-"));
    const file = join(dir, "app-secret");
    writeFileSync(file, "short\n", { mode: 0o600 });
    let error: unknown;
    try {
      ensureAppSecret(configWith({ APP_SECRET_FILE: file }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe("APP_SECRET");
    expect((error as ConfigError).message).not.toContain("\n");
  });
});
