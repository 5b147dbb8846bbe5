import { z } from "zod";
import { parseZoneAddress } from "../../network-zones/zone-address";
import { UNSUPPORTED_ZONE_TYPES, ZONE_ADDRESS_TYPES, ZONE_USAGES, type NetworkZoneFields, type ZoneAddress, type ZoneStatus } from "../../network-zones/zone-types";
import type { BodyOf } from "../../okta-api/parse-input";

const BLANK = "The field cannot be left blank.";
/** The reason DYNAMIC and DYNAMIC_V2 zones are refused by name. */
export const DYNAMIC_REFUSED =
  "Not supported by this server: DYNAMIC and DYNAMIC_V2 zones match by location, ASN or IP service category, data this server does not have offline. Use an IP zone (gateways and proxies as CIDR blocks or ranges).";
const DYNAMIC_ONLY = "Not supported by this server: IP zones only (this property belongs to DYNAMIC zones).";

/** NetworkZoneAddress: {type: CIDR | RANGE, value}, validated (parseZoneAddress), the value trimmed. */
const zoneAddress = z
  .object(
    {
      type: z.enum(ZONE_ADDRESS_TYPES, { error: "type must be CIDR or RANGE." }),
      value: z.string({ error: BLANK }),
    },
    { error: 'Each entry must be {"type": "CIDR" | "RANGE", "value": "..."}.' },
  )
  .transform((entry, ctx): ZoneAddress => {
    const parsed = parseZoneAddress(entry);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", path: ["value"], message: parsed.reason });
      return z.NEVER;
    }
    return { type: entry.type, value: entry.value.trim() };
  });

// A generous bound before the per-zone limits (maxZoneEntries), so no huge body is parsed in full.
const addressList = z
  .array(zoneAddress, { error: 'Must be a list of {"type": "CIDR" | "RANGE", "value": "..."}.' })
  .max(5000, "At most 5000 entries.")
  .nullish()
  .transform((list) => list ?? []);

/**
 * Create and replace bodies of an IP zone (SDK IPNetworkZone): `type` IP, `name`, `usage` (POLICY
 * by default), `gateways` and `proxies`, and on create an optional `status` (ACTIVE by default).
 * DYNAMIC and DYNAMIC_V2 are refused by name, as are their properties. Read-only properties clients
 * echo back (id, system, created, lastUpdated, _links) are ignored.
 */
export const networkZoneInput = z.object(
  {
    type: z.string({ error: "The field cannot be left blank; give IP." }).superRefine((type, ctx) => {
      if ((UNSUPPORTED_ZONE_TYPES as readonly string[]).includes(type)) ctx.addIssue({ code: "custom", message: DYNAMIC_REFUSED });
      else if (type !== "IP") ctx.addIssue({ code: "custom", message: "Must be IP." });
    }),
    name: z.string({ error: BLANK }).trim().min(1, BLANK).max(128, "At most 128 characters."),
    usage: z.enum(ZONE_USAGES, { error: "Must be POLICY or BLOCKLIST." }).nullish(),
    status: z.enum(["ACTIVE", "INACTIVE"], { error: "Must be ACTIVE or INACTIVE." }).nullish(),
    gateways: addressList,
    proxies: addressList,
    locations: z.never({ error: DYNAMIC_ONLY }).optional(),
    asns: z.never({ error: DYNAMIC_ONLY }).optional(),
    proxyType: z.never({ error: DYNAMIC_ONLY }).optional(),
    ipServiceCategories: z.never({ error: DYNAMIC_ONLY }).optional(),
    useAsExemptList: z.never({ error: "Not supported by this server (it has no DefaultExemptIpZone)." }).optional(),
  },
  { error: "The request body must be a JSON object." },
);

export type NetworkZoneInput = z.output<typeof networkZoneInput>;
export type NetworkZoneBody = BodyOf<typeof networkZoneInput>;

/** What a create or replace writes (lib/network-zones). */
export function networkZoneFields(input: NetworkZoneInput): NetworkZoneFields {
  return { name: input.name, usage: input.usage ?? "POLICY", gateways: input.gateways, proxies: input.proxies };
}

/** The status a create asks for (null: ACTIVE). */
export const requestedStatus = (input: NetworkZoneInput): ZoneStatus | null => input.status ?? null;
