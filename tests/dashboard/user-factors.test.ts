import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runListFactors } from "@/lib/admin/factors/list-factors";
import { pageOf } from "@/lib/admin/pagination";
import { runListSystemLogEvents } from "@/lib/admin/system-log/list-system-log-events";
import { callOperation } from "@/lib/dashboard/call-operation";
import type { AdminCall } from "@/lib/dashboard/dashboard-context";
import { logEventDetail } from "@/lib/dashboard/log-event-detail";
import { generateTotpCode } from "@/lib/factors/generate-totp-code";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { act, adminCallOf, adminUserId, createPlainUser, sessionCookie } from "./dashboard-fixture";

describe.each(testProviders())("dashboard user factors and their System Log on %s", (provider) => {
  let f: AdminFixture;
  let cookie: string;
  let adminId: string;
  let call: AdminCall;
  let userId: string;

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    adminId = await adminUserId(f);
    cookie = await sessionCookie(f, adminId);
    call = await adminCallOf(f, cookie);
    userId = await createPlainUser(f, "dade@example.com");
  });
  afterAll(() => f.close());

  const factorsPath = () => `/api/v1/users/${userId}/factors`;
  /** What the user page lists, through the same operation. */
  const listed = async () => {
    const result = await callOperation(call, (ctx) => runListFactors(ctx, userId));
    if (!result.ok) throw new Error(result.summary);
    return result.value.map((factor) => [factor.factorType, factor.provider, factor.status]);
  };
  /** The System Log page's rows since the fixture's start: type, message, outcome and the detail line. */
  const logRows = async (eventTypes: string[]) => {
    const query = { since: "2000-01-01T00:00:00.000Z", filter: undefined, sortOrder: "ASCENDING", page: pageOf(200, null) };
    const result = await callOperation(call, (ctx) => runListSystemLogEvents(ctx, () => query));
    if (!result.ok) throw new Error(result.summary);
    return result.value.items
      .filter((event) => eventTypes.includes(event.eventType))
      .map((event) => [event.eventType, event.displayMessage, event.outcome.result, logEventDetail(event), event.target.map((t) => t.alternateId ?? t.displayName).join(", ")]);
  };

  it("resets one factor, then all, each logged with the admin as actor; an unknown factor is a 404 message", async () => {
    const totp = await f.api("POST", `${factorsPath()}?activate=true`, { factorType: "token:software:totp", provider: "GOOGLE" });
    expect(totp.status).toBe(200);
    const secret = totp.body._embedded.activation.sharedSecret as string;
    f.clock.advance(1000);
    const pending = await f.api("POST", factorsPath(), { factorType: "token:software:totp", provider: "OKTA" });
    expect(pending.status).toBe(200);
    f.clock.advance(1000);
    const passkey = await f.api("POST", factorsPath(), { factorType: "webauthn", provider: "FIDO" });
    expect(passkey.status).toBe(200);
    expect(await listed()).toEqual([
      ["token:software:totp", "GOOGLE", "ACTIVE"],
      ["token:software:totp", "OKTA", "PENDING_ACTIVATION"],
      ["webauthn", "FIDO", "PENDING_ACTIVATION"],
    ]);

    // a wrong code, the right one, the right one again: FAILURE, SUCCESS, FAILURE (replayed)
    // one event a second, so the log's order is the order of the steps
    const verify = (passCode: string) => (f.clock.advance(1000), f.api("POST", `${factorsPath()}/${totp.body.id}/verify`, { passCode }));
    const code = await generateTotpCode(secret, f.clock.now);
    expect((await verify(code === "000000" ? "111111" : "000000")).status).toBe(403);
    expect((await verify(code)).status).toBe(200);
    expect((await verify(code)).status).toBe(403);

    f.clock.advance(1000);
    expect(await act(f, cookie, "factor.reset", { userId, factorId: totp.body.id })).toEqual({ ok: true, notice: "Reset the factor: the user must enroll it again to use it." });
    expect(await listed()).toEqual([
      ["token:software:totp", "OKTA", "PENDING_ACTIVATION"],
      ["webauthn", "FIDO", "PENDING_ACTIVATION"],
    ]);
    expect(await act(f, cookie, "factor.reset", { userId, factorId: totp.body.id })).toMatchObject({ ok: false, error: expect.stringMatching(/^Not found/) });
    f.clock.advance(1000);
    expect(await act(f, cookie, "factor.resetAll", { userId })).toEqual({ ok: true, notice: "Reset all of the user's factors." });
    expect(await listed()).toEqual([]);
    expect(await act(f, cookie, "factor.resetAll", { userId: "00uNoSuchUser0000000" })).toMatchObject({ ok: false, error: expect.stringMatching(/^Not found/) });

    const dade = "dade@example.com";
    expect(await logRows(["user.mfa.factor.update", "user.mfa.factor.activate", "user.mfa.factor.deactivate", "user.mfa.factor.reset_all", "user.authentication.auth_via_mfa"])).toEqual([
      ["user.mfa.factor.activate", "Activate factor for user", "SUCCESS", "Google Authenticator (TOTP)", dade],
      ["user.mfa.factor.update", "Enroll factor for user", "SUCCESS", "One-time code app (TOTP)", dade],
      ["user.mfa.factor.update", "Enroll factor for user", "SUCCESS", "Passkey or security key (WebAuthn)", dade],
      ["user.authentication.auth_via_mfa", "Authentication of user via MFA", "FAILURE", "Google Authenticator (TOTP) · Reason: wrong code", dade],
      ["user.authentication.auth_via_mfa", "Authentication of user via MFA", "SUCCESS", "Google Authenticator (TOTP)", dade],
      ["user.authentication.auth_via_mfa", "Authentication of user via MFA", "FAILURE", "Google Authenticator (TOTP) · Reason: the code was already used", dade],
      ["user.mfa.factor.deactivate", "Reset factor for user", "SUCCESS", "Google Authenticator (TOTP)", dade],
      ["user.mfa.factor.reset_all", "Reset all factors for user", "SUCCESS", "2 factors", dade],
    ]);
    const resets = (await f.db.systemLogEvent.findMany({ where: { eventType: { in: ["user.mfa.factor.deactivate", "user.mfa.factor.reset_all"] } } })).map((event) => event.actorId);
    expect(resets).toEqual([adminId, adminId]);
  });
});
