import { describe, expect, it } from "vitest";
import { compileZoneAddresses } from "../network-zones/zone-address";
import type { ActiveZone, ZoneSet } from "../network-zones/get-network-zones";
import type { ActivePolicy, ActiveRule } from "./get-org-policies";
import { matchPolicyRule } from "./match-policy-rule";
import { CATCH_ALL_ACTIONS, EVERYONE_ANYWHERE, type NetworkCondition } from "./org-policy-types";

const zone = (id: string, cidr: string): ActiveZone => ({ id, name: id, usage: "POLICY", contains: compileZoneAddresses([{ type: "CIDR", value: cidr }]) });
// ACTIVE zones: office (10.0.0.0/8) and vpn (2001:db8::/32); "nzoInactive" is named by rules but not loaded (INACTIVE or deleted)
const ZONES: ZoneSet = { byId: new Map([zone("nzoOffice", "10.0.0.0/8"), zone("nzoVpn", "2001:db8::/32")].map((z) => [z.id, z])), blocklists: [] };

const rule = (id: string, network: NetworkCondition): ActiveRule => ({ id, name: id, conditions: { ...EVERYONE_ANYWHERE, network }, actions: CATCH_ALL_ACTIONS });
const fallback = rule("anywhere", { connection: "ANYWHERE" });
const policyWith = (first: ActiveRule): ActivePolicy[] => [{ id: "p", name: "p", groupsInclude: [], settings: null, rules: [first, fallback] }];
const include = (...ids: string[]): NetworkCondition => ({ connection: "ZONE", include: ids, exclude: [] });
const exclude = (...ids: string[]): NetworkCondition => ({ connection: "ZONE", include: [], exclude: ids });

describe("matchPolicyRule: network zone conditions", () => {
  it.each([
    ["include, address in the zone", include("nzoOffice"), "10.1.2.3", "zoned"],
    ["include, address outside: the next rule", include("nzoOffice"), "192.0.2.1", "anywhere"],
    ["include, one of several zones", include("nzoOffice", "nzoVpn"), "2001:db8::5", "zoned"],
    ["include, an IPv4-mapped address in an IPv4 zone", include("nzoOffice"), "::ffff:10.0.0.1", "zoned"],
    ["include, unknown address: the next rule", include("nzoOffice"), null, "anywhere"],
    ["include, an INACTIVE zone holds no address", include("nzoInactive"), "10.1.2.3", "anywhere"],
    ["exclude, address outside the zone", exclude("nzoOffice"), "192.0.2.1", "zoned"],
    ["exclude, address in the zone: the next rule", exclude("nzoOffice"), "10.9.9.9", "anywhere"],
    ["exclude, unknown address is in no zone", exclude("nzoOffice"), null, "zoned"],
    ["exclude, an INACTIVE zone excludes nothing", exclude("nzoInactive"), "10.1.2.3", "zoned"],
    ["ANYWHERE matches every address", { connection: "ANYWHERE" } as const, "192.0.2.1", "zoned"],
  ] as const)("%s", (_, network, ipAddress, expected) => {
    const found = matchPolicyRule(policyWith(rule("zoned", network)), { userId: "00uAlice", groupIds: [], ipAddress, zones: ZONES, everyoneGroupId: null });
    expect(found?.rule.id).toBe(expected);
  });
});
