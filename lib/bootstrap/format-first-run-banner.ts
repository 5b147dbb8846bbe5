import type { BootstrapResult } from "./bootstrap-org";

/** The one-time message that shows generated admin credentials; null when there is nothing to show. */
export function formatFirstRunBanner(result: BootstrapResult, orgUrl: string): string | null {
  if (!result.created) return null;
  const lines = [
    "First run: the org is set up.",
    `  Admin sign-in:  ${orgUrl}/admin`,
    `  Admin login:    ${result.adminEmail}`,
  ];
  if (result.generatedPassword) lines.push(`  Admin password: ${result.generatedPassword}`);
  if (result.generatedApiToken) lines.push(`  API token:      SSWS ${result.generatedApiToken}`);
  if (result.generatedPassword || result.generatedApiToken) {
    lines.push("  These generated credentials are shown once and never again: store them now.");
  }
  const width = Math.max(...lines.map((line) => line.length)) + 2;
  const rule = "=".repeat(width);
  return [rule, ...lines, rule].join("\n");
}
