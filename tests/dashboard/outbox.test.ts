import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeMailDelivery, loadOutbox, loadOutboxMessage, outboxPreviewHtml, textWithLinks } from "@/lib/dashboard/outbox";
import { deliverDueMail } from "@/lib/mail/deliver-due-mail";
import { queueMail } from "@/lib/mail/queue-mail";
import type { MailRequest } from "@/lib/mail/mail-templates";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";

const FROM = { name: "Identity Provider", address: "no-reply@idp.test" };

describe.each(testProviders())("the dashboard's Outbox on %s", (provider) => {
  let f: AdminFixture;
  const ids: Record<string, string> = {};

  const reset = (to: string): MailRequest<"password-reset"> => ({
    to,
    template: "password-reset",
    variables: { firstName: "Ada", resetUrl: `https://idp.test/reset/secret-for-${to}`, expiresAt: new Date(f.clock.now.getTime() + 3_600_000) },
  });

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    const queue = async (name: string, request: MailRequest) => {
      ids[name] = (await f.db.$transaction((tx) => queueMail(tx, request, { now: f.clock.now, orgUrl: "https://idp.test" }))).id;
      f.clock.advance(1000);
    };
    // one message in the development outbox, one sent, one failed, one still queued (oldest first)
    await queue("outbox", reset("dev@example.com"));
    await deliverDueMail(f.db, { transport: null, from: FROM, now: () => f.clock.now, random: () => 0, log: () => {} });
    await queue("sent", reset("sent@example.com"));
    await deliverDueMail(f.db, { transport: { send: async () => {}, close: () => {} }, from: FROM, now: () => f.clock.now, random: () => 0, log: () => {} });
    await queue("failed", reset("gone@example.com"));
    const refuse = Object.assign(new Error("550 no such user"), { code: "EENVELOPE", responseCode: 550, permanent: true });
    await deliverDueMail(f.db, { transport: { send: async () => Promise.reject(refuse), close: () => {} }, from: FROM, now: () => f.clock.now, random: () => 0, log: () => {} });
    await queue("queued", reset("later@example.com"));
  });
  afterAll(() => f?.close());

  it("lists to, subject, status, attempts and created, newest first, without any body", async () => {
    const list = await loadOutbox(f.db, {});
    expect(list.error).toBeNull();
    expect(list.items.map((m) => [m.toAddress, m.subject, m.status, m.attempts])).toEqual([
      ["later@example.com", "Reset your Identity Provider password", "QUEUED", 0],
      ["gone@example.com", "Reset your Identity Provider password", "FAILED", 1],
      ["sent@example.com", "Reset your Identity Provider password", "SENT", 1],
      ["dev@example.com", "Reset your Identity Provider password", "OUTBOX", 1],
    ]);
    expect(list.items[0]!.created).toEqual(new Date("2026-01-15T10:00:03.000Z"));
    expect(JSON.stringify(list)).not.toContain("secret-for");
    expect(list.items.every((m) => !("textBody" in m) && !("htmlBody" in m))).toBe(true);
  });

  it("filters by status and pages with a cursor; refuses a bad filter", async () => {
    expect((await loadOutbox(f.db, { status: "FAILED" })).items.map((m) => m.id)).toEqual([ids.failed]);
    expect((await loadOutbox(f.db, { status: "" })).items).toHaveLength(4);
    expect((await loadOutbox(f.db, { after: ids.failed })).items.map((m) => m.id)).toEqual([ids.sent, ids.outbox]);
    for (const query of [{ status: "DELETED" }, { status: ["SENT", "FAILED"] }, { after: "'; DROP TABLE" }, { other: "x" }]) {
      expect(await loadOutbox(f.db, query)).toEqual({ items: [], nextCursor: null, status: null, error: "The filter is not valid: choose a status from the list." });
    }
  });

  it("shows the bodies of a development-outbox message only", async () => {
    const outbox = await loadOutboxMessage(f.db, ids.outbox!);
    expect(outbox?.bodies?.text).toContain("https://idp.test/reset/secret-for-dev@example.com");
    expect(outbox?.bodies?.html).toContain('href="https://idp.test/reset/secret-for-dev@example.com"');
    expect(outbox?.hiddenReason).toBeNull();

    const queued = await loadOutboxMessage(f.db, ids.queued!);
    expect(queued).toMatchObject({ status: "QUEUED", bodies: null });
    expect(queued?.hiddenReason).toMatch(/waiting to be delivered/);
    expect(JSON.stringify(queued)).not.toContain("secret-for");

    const failed = await loadOutboxMessage(f.db, ids.failed!);
    expect(failed).toMatchObject({ status: "FAILED", bodies: null, lastError: "EENVELOPE 550 550 no such user" });
    expect((await loadOutboxMessage(f.db, ids.sent!))?.hiddenReason).toMatch(/erased once it is delivered/);

    expect(await loadOutboxMessage(f.db, "00000000-0000-7000-8000-000000000000")).toBeNull();
    expect(await loadOutboxMessage(f.db, "../etc/passwd")).toBeNull();
  });

  it("frames the HTML with its own CSP and cuts the text into links", () => {
    expect(outboxPreviewHtml("<html><head><title>x</title></head></html>")).toBe(
      `<html><head>\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; form-action 'none'; base-uri 'none'"><title>x</title></head></html>`,
    );
    expect(textWithLinks("Reset:\nhttps://idp.test/r/abc?x=1\n\nBye javascript:alert(1)")).toEqual([{ text: "Reset:\n" }, { link: "https://idp.test/r/abc?x=1" }, { text: "\n\nBye javascript:alert(1)" }]);
    expect(describeMailDelivery(null)).toEqual({ mode: "outbox" });
    expect(describeMailDelivery({ host: "smtp.example.com", port: 587, security: "required", auth: { user: "u", pass: "p" } })).toEqual({ mode: "smtp", server: "smtp.example.com:587" });
  });
});
