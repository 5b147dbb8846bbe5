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
