import { describe, expect, it } from "vitest";
import { ConfigError } from "../config/config-error";
import { StartupError } from "./startup-error";
import { startupFailureLines } from "./startup-failure.mjs";

describe("startupFailureLines", () => {
  it.each([
    [new StartupError("Database migration failed: Migration x failed."), "Database migration failed: Migration x failed."],
    [new ConfigError("PORT", 'must be a port number from 1 to 65535 (got "x").'), 'Invalid configuration: PORT must be a port number from 1 to 65535 (got "x").'],
    [new Error("\nInvalid `prisma.orgSettings.findUnique()` invocation:\n\n\n  Can't reach database server"), "Start-up failed: Invalid `prisma.orgSettings.findUnique()` invocation: Can't reach database server"],
    ["a string", "Start-up failed: a string"],
    [new Error("x".repeat(600)), `Start-up failed: ${"x".repeat(480)}...`],
  ])("%o prints one line", (error, line) => {
    expect(startupFailureLines(error, {})).toEqual([line]);
  });

  it("adds the stack and the cause's with DEBUG=1", () => {
    const cause = new Error("listen EADDRINUSE");
    const lines = startupFailureLines(new Error("Cannot listen on *:3000", { cause }), { DEBUG: "1" });
    expect(lines[0]).toBe("Start-up failed: Cannot listen on *:3000");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^Error: Cannot listen on \*:3000\n\s+at /);
    expect(lines[2]).toMatch(/^Error: listen EADDRINUSE\n\s+at /);
  });
});
