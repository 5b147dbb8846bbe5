import { describe, expect, it } from "vitest";
import { networkZoneFields, networkZoneInput } from "./network-zone-input";

const issues = (body: unknown) => {
  const result = networkZoneInput.safeParse(body);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("networkZoneInput", () => {
  it("reads an IP zone with Okta's defaults (usage POLICY, no lists)", () => {
    const parsed = networkZoneInput.parse({ type: "IP", name: " Office ", gateways: [{ type: "CIDR", value: " 10.0.0.0/8" }], id: "ignored", _links: {} });
    expect(networkZoneFields(parsed)).toEqual({ name: "Office", usage: "POLICY", gateways: [{ type: "CIDR", value: "10.0.0.0/8" }], proxies: [] });
  });

  it.each([
    [{ name: "x" }, ["type: The field cannot be left blank; give IP."]],
    [{ type: "DYNAMIC", name: "x" }, ["type: Not supported by this server: DYNAMIC and DYNAMIC_V2 zones match by location, ASN or IP service category, data this server does not have offline. Use an IP zone (gateways and proxies as CIDR blocks or ranges)."]],
    [{ type: "SOMETHING", name: "x" }, ["type: Must be IP."]],
    [{ type: "IP", name: "  " }, ["name: The field cannot be left blank."]],
    [{ type: "IP", name: "x", usage: "ALLOWLIST" }, ["usage: Must be POLICY or BLOCKLIST."]],
    [{ type: "IP", name: "x", gateways: "10.0.0.0/8" }, ['gateways: Must be a list of {"type": "CIDR" | "RANGE", "value": "..."}.']],
    [{ type: "IP", name: "x", gateways: [{ type: "CIDR", value: "10.0.0.0/40" }] }, ["gateways.0.value: '10.0.0.0/40': the prefix length must be 0 to 32."]],
    [{ type: "IP", name: "x", proxies: [{ type: "RANGE", value: "2001:db8::9-2001:db8::1" }] }, ["proxies.0.value: '2001:db8::9-2001:db8::1': the first address of a range must not come after the last."]],
    [{ type: "IP", name: "x", asns: ["AS1"] }, ["asns: Not supported by this server: IP zones only (this property belongs to DYNAMIC zones)."]],
  ])("refuses %j", (body, expected) => {
    expect(issues(body)).toEqual(expected);
  });
});
