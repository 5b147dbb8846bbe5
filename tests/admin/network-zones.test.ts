import { afterAll, beforeAll, describe, expect, it } from "vitest";
import okta from "@okta/okta-sdk-nodejs";
import { ADMIN_TOKEN, createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { readLogEvent } from "../support/read-log-events";
import { testProviders } from "../support/test-databases";

const T0 = "2026-01-15T10:00:00.000Z";
const LEGACY = "nzoOGmSpQTJSglvl2Wuj";
const BLOCKED = "nzoYNMPXXHQj7ChzJZ81";
const DEFAULT_SIGN_ON = "00pAQsjOzgHTPYylWbfJ";

/** okta-sdk-nodejs's request executor, answering from the route handlers instead of the network. */
class RouteExecutor extends okta.RequestExecutor {
  override fetch(request: { url: string; method?: string; headers?: Record<string, string>; body?: string }) {
    return callRoute(new Request(request.url, { method: request.method ?? "GET", headers: request.headers, body: request.body })) as never;
  }
}

const links = (id: string, status: "ACTIVE" | "INACTIVE", system = false) => ({
  self: { href: `${ORG_URL}/api/v1/zones/${id}`, hints: { allow: system ? ["GET", "PUT"] : ["GET", "PUT", "DELETE"] } },
  ...(status === "ACTIVE"
    ? { deactivate: { href: `${ORG_URL}/api/v1/zones/${id}/lifecycle/deactivate`, hints: { allow: ["POST"] } } }
    : { activate: { href: `${ORG_URL}/api/v1/zones/${id}/lifecycle/activate`, hints: { allow: ["POST"] } } }),
});

describe.each(testProviders())("Network Zones API on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  const create = (body: unknown) => f.api("POST", "/api/v1/zones", body);
  const office = { type: "IP", name: "Office", gateways: [{ type: "CIDR", value: "203.0.113.0/24" }, { type: "RANGE", value: "2001:db8::1-2001:db8::ff" }], proxies: [{ type: "RANGE", value: "198.51.100.7" }] };

  it("seeds the system zones LegacyIpZone and BlockedIpZone, and lists them with filters", async () => {
    const res = await f.api("GET", "/api/v1/zones");
    expect(res.status).toBe(200);
    expect(res.body.map((zone: { id: string; name: string; usage: string; system: boolean; status: string; gateways: unknown }) => [zone.id, zone.name, zone.usage, zone.system, zone.status, zone.gateways])).toEqual([
      [LEGACY, "LegacyIpZone", "POLICY", true, "ACTIVE", null],
      [BLOCKED, "BlockedIpZone", "BLOCKLIST", true, "ACTIVE", null],
    ]);
    expect(res.body[0]._links).toEqual(links(LEGACY, "ACTIVE", true));
    const blocklists = await f.api("GET", `/api/v1/zones?filter=${encodeURIComponent('usage eq "BLOCKLIST"')}`);
    expect(blocklists.body.map((zone: { id: string }) => zone.id)).toEqual([BLOCKED]);
    const filter = encodeURIComponent(`id eq "${LEGACY}" or id eq "${BLOCKED}"`);
    const byId = await f.api("GET", `/api/v1/zones?filter=${filter}&limit=1`);
    expect([byId.body.map((zone: { id: string }) => zone.id), byId.headers.get("link")]).toEqual([
      [LEGACY],
      `<${ORG_URL}/api/v1/zones?filter=${filter}&limit=1>; rel="self", <${ORG_URL}/api/v1/zones?filter=${filter}&limit=1&after=${LEGACY}>; rel="next"`,
    ]);
    const unsupported = await f.api("GET", `/api/v1/zones?filter=${encodeURIComponent('name eq "Office"')}`);
    expect([unsupported.status, unsupported.body.errorCode]).toEqual([400, "E0000001"]);
  });

  it("creates (200, ACTIVE, zone.create), reads, replaces (zone.update), deactivates, activates and deletes a zone", async () => {
    const res = await create(office);
    expect(res.status).toBe(200);
    const id = res.body.id as string;
    expect(id).toMatch(/^nzo[0-9A-Za-z]{17}$/);
    expect(res.body).toEqual({
      type: "IP",
      id,
      name: "Office",
      status: "ACTIVE",
      usage: "POLICY",
      created: T0,
      lastUpdated: T0,
      system: false,
      gateways: office.gateways,
      proxies: office.proxies,
      _links: links(id, "ACTIVE"),
    });
    expect(await readLogEvent(f.db, { where: { eventType: "zone.create" } })).toMatchObject({ outcomeResult: "SUCCESS", target: [{ id, type: "NetworkZone", displayName: "Office" }] });
    expect((await f.api("GET", `/api/v1/zones/${id}`)).body).toEqual(res.body);

    f.clock.advance(1000);
    const replaced = await f.api("PUT", `/api/v1/zones/${id}`, { ...res.body, name: "Head office", gateways: [{ type: "CIDR", value: " 10.0.0.0/8 " }], proxies: null });
    expect([replaced.status, replaced.body.name, replaced.body.gateways, replaced.body.proxies, replaced.body.lastUpdated]).toEqual([200, "Head office", [{ type: "CIDR", value: "10.0.0.0/8" }], null, "2026-01-15T10:00:01.000Z"]);
    expect(await readLogEvent(f.db, { where: { eventType: "zone.update" } })).toMatchObject({ debugContext: { debugData: { previousName: "Office" } } });

    const refusedDelete = await f.api("DELETE", `/api/v1/zones/${id}`);
    expect([refusedDelete.status, refusedDelete.body.errorCauses]).toEqual([400, [{ errorSummary: `id: The zone: ${id} is an active zone. Active zones cannot be deleted.` }]]);

    const off = await f.api("POST", `/api/v1/zones/${id}/lifecycle/deactivate`);
    expect([off.status, off.body.status, off.body._links]).toEqual([200, "INACTIVE", links(id, "INACTIVE")]);
    expect((await readLogEvent(f.db, { where: { eventType: "zone.deactivate" } })).target).toMatchObject([{ id }]);
    const on = await f.api("POST", `/api/v1/zones/${id}/lifecycle/activate`);
    expect([on.status, on.body.status]).toEqual([200, "ACTIVE"]);
    expect((await readLogEvent(f.db, { where: { eventType: "zone.activate" } })).target).toMatchObject([{ id }]);
    await f.api("POST", `/api/v1/zones/${id}/lifecycle/deactivate`);
    expect((await f.api("DELETE", `/api/v1/zones/${id}`)).status).toBe(204);
    expect((await readLogEvent(f.db, { where: { eventType: "zone.delete" } })).target).toMatchObject([{ id, displayName: "Head office" }]);
    const gone = await f.api("GET", `/api/v1/zones/${id}`);
    expect([gone.status, gone.body.errorCode, gone.body.errorSummary]).toEqual([404, "E0000007", `Not found: Resource not found: ${id} (Zone)`]);
  });

  it.each([
    [{ ...office, type: "DYNAMIC" }, "type", "type: Not supported by this server: DYNAMIC and DYNAMIC_V2 zones match by location, ASN or IP service category, data this server does not have offline. Use an IP zone (gateways and proxies as CIDR blocks or ranges)."],
    [{ ...office, locations: [{ country: "DE" }] }, "locations", "locations: Not supported by this server: IP zones only (this property belongs to DYNAMIC zones)."],
    [{ ...office, type: "DYNAMIC_V2" }, "type", "type: Not supported by this server: DYNAMIC and DYNAMIC_V2 zones match by location, ASN or IP service category, data this server does not have offline. Use an IP zone (gateways and proxies as CIDR blocks or ranges)."],
    [{ ...office, gateways: [{ type: "CIDR", value: "10.0.0.0/33" }] }, "gateways.0.value", "gateways.0.value: '10.0.0.0/33': the prefix length must be 0 to 32."],
    [{ ...office, proxies: [{ type: "RANGE", value: "10.0.0.9-10.0.0.1" }] }, "proxies.0.value", "proxies.0.value: '10.0.0.9-10.0.0.1': the first address of a range must not come after the last."],
    [{ ...office, gateways: [{ type: "IP", value: "10.0.0.1" }] }, "gateways.0.type", "gateways.0.type: type must be CIDR or RANGE."],
    [{ type: "IP", name: "Empty" }, "gateways", "gateways: Give at least one gateway or proxy (CIDR or RANGE) for an IP zone."],
    [{ ...office, name: "Too many", gateways: Array.from({ length: 151 }, (_, i) => ({ type: "CIDR", value: `10.0.${i}.0/24` })) }, "gateways", "gateways: At most 150 entries are allowed in the gateways of a zone."],
    [{ ...office, name: "LegacyIpZone" }, "name", "name: An object with this field already exists in the current organization (a network zone named 'LegacyIpZone')."],
  ])("refuses %j with E0000001 on %s, creating nothing", async (body, field, cause) => {
    const before = await f.db.networkZone.count();
    const res = await create(body);
    expect([res.status, res.body.errorCode, res.body.errorSummary, res.body.errorCauses]).toEqual([400, "E0000001", `Api validation failed: ${field}`, [{ errorSummary: cause }]]);
    expect(await f.db.networkZone.count()).toBe(before);
  });

  it("allows 1000 gateways in a BLOCKLIST zone", async () => {
    const res = await create({ type: "IP", name: "Big blocklist", usage: "BLOCKLIST", gateways: Array.from({ length: 1000 }, (_, i) => ({ type: "RANGE", value: `10.${i >> 8}.${i & 255}.1` })) });
    expect([res.status, res.body.gateways.length]).toEqual([200, 1000]);
  });

  it("keeps the system zones: no delete, no rename, no usage change; their addresses may change", async () => {
    const del = await f.api("DELETE", `/api/v1/zones/${LEGACY}`);
    expect([del.status, del.body.errorCauses]).toEqual([400, [{ errorSummary: "id: The zone LegacyIpZone is a system zone. System zones cannot be deleted." }]]);
    const rename = await f.api("PUT", `/api/v1/zones/${LEGACY}`, { type: "IP", name: "Renamed" });
    expect(rename.body.errorCauses).toEqual([{ errorSummary: "name: The name of the system zone LegacyIpZone cannot be changed." }]);
    const usage = await f.api("PUT", `/api/v1/zones/${BLOCKED}`, { type: "IP", name: "BlockedIpZone", usage: "POLICY" });
    expect(usage.body.errorCauses).toEqual([{ errorSummary: "usage: The usage of the system zone BlockedIpZone cannot be changed." }]);
    const saved = await f.api("PUT", `/api/v1/zones/${LEGACY}`, { type: "IP", name: "LegacyIpZone", gateways: [{ type: "CIDR", value: "192.0.2.0/24" }] });
    expect([saved.status, saved.body.gateways, saved.body.system]).toEqual([200, [{ type: "CIDR", value: "192.0.2.0/24" }], true]);
  });

  it("refuses to delete a zone a rule names, or make it a BLOCKLIST; rules refuse unknown and BLOCKLIST zones", async () => {
    const zone = (await create({ type: "IP", name: "VPN", gateways: [{ type: "CIDR", value: "100.64.0.0/10" }] })).body;
    const rule = (network: unknown) => ({
      type: "SIGN_ON",
      name: "VPN rule",
      conditions: { network },
      actions: { signon: { access: "ALLOW", requireFactor: false } },
    });
    const created = await f.api("POST", `/api/v1/policies/${DEFAULT_SIGN_ON}/rules`, rule({ connection: "ZONE", include: [zone.id] }));
    expect([created.status, created.body.conditions.network]).toEqual([200, { connection: "ZONE", include: [zone.id] }]);

    await f.api("POST", `/api/v1/zones/${zone.id}/lifecycle/deactivate`);
    const del = await f.api("DELETE", `/api/v1/zones/${zone.id}`);
    expect([del.status, del.body.errorCauses]).toEqual([400, [{ errorSummary: `id: The zone VPN is used by the rule 'VPN rule' (${created.body.id} of policy ${DEFAULT_SIGN_ON}). Remove it from the rules first.` }]]);
    const toBlocklist = await f.api("PUT", `/api/v1/zones/${zone.id}`, { type: "IP", name: "VPN", usage: "BLOCKLIST", gateways: zone.gateways });
    expect(toBlocklist.status).toBe(400);

    const unknown = await f.api("POST", `/api/v1/policies/${DEFAULT_SIGN_ON}/rules`, rule({ connection: "ZONE", exclude: ["nzoUnknown0000000000"] }));
    expect([unknown.status, unknown.body.errorSummary, unknown.body.errorCauses]).toEqual([400, "Api validation failed: conditions.network.exclude", [{ errorSummary: "conditions.network.exclude: Unknown zone id: nzoUnknown0000000000." }]]);
    const blocklist = await f.api("POST", `/api/v1/policies/${DEFAULT_SIGN_ON}/rules`, rule({ connection: "ZONE", include: [BLOCKED] }));
    expect(blocklist.body.errorCauses).toEqual([{ errorSummary: `conditions.network.include: Rules name POLICY zones; ${BLOCKED} is a BLOCKLIST zone.` }]);
    const both = await f.api("POST", `/api/v1/policies/${DEFAULT_SIGN_ON}/rules`, rule({ connection: "ZONE", include: [zone.id], exclude: [LEGACY] }));
    expect([both.body.errorSummary, both.body.errorCauses]).toEqual(["Api validation failed: conditions.network", [{ errorSummary: "conditions.network: You should either include or exclude network zones when you use zones in the policy rule." }]]);

    expect((await f.api("DELETE", `/api/v1/policies/${DEFAULT_SIGN_ON}/rules/${created.body.id}`)).status).toBe(204);
    expect((await f.api("DELETE", `/api/v1/zones/${zone.id}`)).status).toBe(204);
  });

  it("serves okta-sdk-nodejs's NetworkZoneApi", async () => {
    const client = new okta.Client({ orgUrl: ORG_URL, token: ADMIN_TOKEN, requestExecutor: new RouteExecutor(), cacheMiddleware: null });
    const api = client.networkZoneApi;
    const zone = (await api.createNetworkZone({ zone: { type: "IP", name: "SDK zone", usage: "POLICY", gateways: [{ type: "CIDR", value: "192.0.2.0/28" }] } as never })) as okta.IPNetworkZone;
    expect([zone.id?.slice(0, 3), zone.type, zone.status, zone.gateways?.[0]?.value]).toEqual(["nzo", "IP", "ACTIVE", "192.0.2.0/28"]);
    const read = (await api.getNetworkZone({ zoneId: zone.id! })) as okta.IPNetworkZone;
    expect(read.name).toBe("SDK zone");
    const replaced = (await api.replaceNetworkZone({ zoneId: zone.id!, zone: { type: "IP", name: "SDK zone 2", gateways: [{ type: "RANGE", value: "192.0.2.1-192.0.2.9" }] } as never })) as okta.IPNetworkZone;
    expect(replaced.gateways?.[0]?.value).toBe("192.0.2.1-192.0.2.9");
    expect((await api.deactivateNetworkZone({ zoneId: zone.id! })).status).toBe("INACTIVE");
    const names: string[] = [];
    await (await api.listNetworkZones({ filter: 'usage eq "POLICY"' })).each((listed) => {
      names.push(listed.name);
    });
    expect(names).toContain("SDK zone 2");
    await api.deleteNetworkZone({ zoneId: zone.id! });
    await expect(api.getNetworkZone({ zoneId: zone.id! })).rejects.toMatchObject({ status: 404 });
  });
});
