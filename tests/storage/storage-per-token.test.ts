import { describe, expect, it } from "vitest";
import { testProviders } from "../support/test-databases";
import { measureTokenStorage } from "./measure-token-storage";

/**
 * Storage per token must not grow unnoticed. The bounds are today's figures (npm run bench:storage,
 * 1,000 tokens and 300 rotations: SQLite 1,319 B per client_credentials token and 5,939 B per
 * rotation, PostgreSQL 1,122 B and 5,461 B) plus about 10 % for page granularity over the 500 tokens
 * and 100 rotations measured here. The targets (500 B and 1,500 B on SQLite) need the compact
 * System Log format the README describes and are not met yet: lower these bounds when it lands.
 */
const BOUNDS = {
  sqlite: { perClientCredentialsToken: 1_450, perRefreshRotation: 6_500 },
  postgresql: { perClientCredentialsToken: 1_250, perRefreshRotation: 6_000 },
} as const;

describe.each(testProviders())("storage per token on %s", (provider) => {
  it("stays within its pinned bounds, almost all of it System Log", { timeout: 300_000 }, async () => {
    const storage = await measureTokenStorage(provider, { tokens: 500, rotations: 100 });
    expect(storage.perClientCredentialsToken).toBeGreaterThan(0);
    expect(storage.perClientCredentialsToken).toBeLessThanOrEqual(BOUNDS[provider].perClientCredentialsToken);
    expect(storage.perRefreshRotation).toBeLessThanOrEqual(BOUNDS[provider].perRefreshRotation);
    // a client_credentials token stores nothing but its System Log event
    expect(Object.keys(storage.clientCredentialsBreakdown).every((name) => name.includes("SystemLogEvent"))).toBe(true);
  });
});
