import { describe, expect, it } from "vitest";
import { decodeLogParts, encodeLogParts } from "./system-log-parts";
import type { SystemLogInput } from "./write-system-log";

const actor = { id: "0oaClient", type: "PublicClientApp", alternateId: "0oaClient", displayName: "Billing" };
const app = { id: "0oaApp", type: "AppInstance", alternateId: "0oaClient", displayName: "Billing" };
const base: SystemLogInput = { eventType: "e", displayMessage: "m", actor, outcome: { result: "SUCCESS" } };

/** What the row decodes to, given the parts it was encoded into. */
function roundTrip(event: SystemLogInput) {
  const encoded = encodeLogParts(event);
  return { encoded, decoded: decodeLogParts({ ipAddress: event.client?.ipAddress ?? null, detail: encoded.detail }, encoded.context.value, encoded.debug.value) };
}

describe("encodeLogParts / decodeLogParts", () => {
  it.each([
    ["no client, targets or debug data", base, { actor, client: { ipAddress: null, userAgent: null }, target: [], debugContext: { debugData: {} }, transaction: {} }],
    [
      "a token target between shared ones, an empty user agent",
      { ...base, client: { ipAddress: "::1", userAgent: "" }, target: [app, { id: "AT.1", type: "access_token", detailEntry: { expires: null } }, { id: "default", type: "AuthorizationServer" }], debugContext: { scopes: "a b" }, transaction: { id: "t" } },
      { actor, client: { ipAddress: "::1", userAgent: null }, target: [app, { id: "AT.1", type: "access_token", detailEntry: { expires: null } }, { id: "default", type: "AuthorizationServer" }], debugContext: { debugData: { scopes: "a b" } }, transaction: { id: "t" } },
    ],
    [
      "two per-event targets and a user agent",
      { ...base, client: { userAgent: "sdk/1" }, target: [{ id: "oar1", type: "refresh_token", displayName: "x", detailEntry: { grantId: "g" } }, { id: "AT.2", type: "access_token", detailEntry: { expires: "2026-01-01T00:00:00.000Z" } }] },
      { actor, client: { ipAddress: null, userAgent: { rawUserAgent: "sdk/1" } }, target: [{ id: "oar1", type: "refresh_token", displayName: "x", detailEntry: { grantId: "g" } }, { id: "AT.2", type: "access_token", detailEntry: { expires: "2026-01-01T00:00:00.000Z" } }], debugContext: { debugData: {} }, transaction: {} },
    ],
  ])("round-trips %s", (_, event, expected) => {
    expect(roundTrip(event).decoded).toEqual(expected);
  });

  it("shares the context of events that differ only in per-event detail, and keys parts by content", () => {
    const first = roundTrip({ ...base, target: [app, { id: "AT.1", type: "access_token", detailEntry: { expires: "a" } }] }).encoded;
    const second = roundTrip({ ...base, target: [app, { id: "AT.2", type: "access_token", detailEntry: { expires: "b" } }] }).encoded;
    expect(second.context).toEqual(first.context);
    expect(first.context.key).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(JSON.parse(first.detail!)).toEqual(["AT.1", { expires: "a" }]);
    expect(roundTrip({ ...base, actor: { ...actor, displayName: "Other" } }).encoded.context.key).not.toBe(first.context.key);
    expect(roundTrip(base).encoded.detail).toBeNull();
  });

  it("keeps a refresh's per-event debug values inline, so every rotation of a grant shares one debug part", () => {
    const rotation = (from: string, to: string) =>
      roundTrip({
        ...base,
        target: [{ id: to, type: "refresh_token", detailEntry: { expires: "x" } }],
        debugContext: { grantType: "refresh_token", grantId: "g1", refreshTokenId: from, rotatedTo: to, withinGracePeriod: false },
      });
    const first = rotation("oar1", "oar2");
    const second = rotation("oar2", "oar3");
    expect(second.encoded.debug).toEqual(first.encoded.debug);
    expect(JSON.parse(first.encoded.debug.value)).toEqual({ grantType: "refresh_token", grantId: "g1", refreshTokenId: "$event", rotatedTo: "$event", withinGracePeriod: false });
    expect(JSON.parse(first.encoded.detail!)).toEqual(["oar2", { expires: "x" }, ["oar1", "oar2"]]);
    // an expiry alone is stored as epoch milliseconds when it reads back as the same text
    const timed = roundTrip({ ...base, target: [{ id: "AT.3", type: "access_token", detailEntry: { expires: "2026-01-15T11:00:02.000Z" } }] });
    expect(JSON.parse(timed.encoded.detail!)).toEqual(["AT.3", Date.UTC(2026, 0, 15, 11, 0, 2)]);
    expect(timed.decoded.target).toEqual([{ id: "AT.3", type: "access_token", detailEntry: { expires: "2026-01-15T11:00:02.000Z" } }]);
    for (const expires of ["2026-01-15T11:00:02Z", "soon", null]) {
      expect(JSON.parse(roundTrip({ ...base, target: [{ id: "AT.4", type: "access_token", detailEntry: { expires } }] }).encoded.detail!)).toEqual(["AT.4", { expires }]);
    }
    // decoded in the original key order, with this event's values
    expect(JSON.stringify(second.decoded.debugContext.debugData)).toBe('{"grantType":"refresh_token","grantId":"g1","refreshTokenId":"oar2","rotatedTo":"oar3","withinGracePeriod":false}');
    expect(second.decoded.target).toEqual([{ id: "oar3", type: "refresh_token", detailEntry: { expires: "x" } }]);
    // without per-event targets the values are the detail's only element; a refused refresh has no rotatedTo
    const refused = roundTrip({ ...base, debugContext: { refreshTokenId: "oar9", grantId: "g1" } });
    expect(JSON.parse(refused.encoded.detail!)).toEqual([["oar9"]]);
    expect(refused.decoded.debugContext.debugData).toEqual({ refreshTokenId: "oar9", grantId: "g1" });
    // a value that is not a string stays in the shared part
    expect(JSON.parse(roundTrip({ ...base, debugContext: { refreshTokenId: null } }).encoded.debug.value)).toEqual({ refreshTokenId: null });
  });

  it("decodes an event whose parts are gone (past the retention) without failing", () => {
    expect(decodeLogParts({ ipAddress: "1.2.3.4", detail: null }, undefined, undefined)).toEqual({
      actor: { id: "", type: "" },
      client: { ipAddress: "1.2.3.4", userAgent: null },
      target: [],
      debugContext: { debugData: {} },
      transaction: {},
    });
  });
});
