import { describe, expect, it } from "vitest";
import { networkZoneBody } from "./network-zone-actions";
import { networkCondition } from "./org-policy-actions";

describe("the dashboard's zone and rule network forms", () => {
  it("reads a zone form: one entry per line or comma, CIDR when it has a slash, else RANGE", () => {
    expect(networkZoneBody({ name: "Office", usage: "BLOCKLIST", gateways: "10.0.0.0/8\n 10.1.0.1-10.1.0.9 ,2001:db8::1\n\n", proxies: "" })).toEqual({
      type: "IP",
      name: "Office",
      usage: "BLOCKLIST",
      gateways: [
        { type: "CIDR", value: "10.0.0.0/8" },
        { type: "RANGE", value: "10.1.0.1-10.1.0.9" },
        { type: "RANGE", value: "2001:db8::1" },
      ],
      proxies: [],
    });
    expect(networkZoneBody({ name: "x" }).usage).toBe("POLICY");
  });

  it.each([
    [{}, { connection: "ANYWHERE" }],
    [{ network: "ANYWHERE", zones: ["nzoA"] }, { connection: "ANYWHERE" }],
    [{ network: "INCLUDE", zones: ["nzoA", "nzoB"] }, { connection: "ZONE", include: ["nzoA", "nzoB"] }],
    [{ network: "EXCLUDE", zones: "nzoA" }, { connection: "ZONE", exclude: ["nzoA"] }],
    [{ network: "INCLUDE" }, { connection: "ZONE", include: [] }],
  ])("reads the rule form's network %j", (form, expected) => {
    expect(networkCondition(form)).toEqual(expected);
  });
});
