import { createServer } from "node:net";
import { generate } from "selfsigned";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SmtpSettings } from "@/lib/config/mail-settings";
import { createDbClient, type Db } from "@/lib/db/create-db-client";
import { runMigrations } from "@/lib/db/run-migrations";
import { createSmtpTransport } from "@/lib/mail/create-smtp-transport";
import { deliverDueMail, type DeliverOptions } from "@/lib/mail/deliver-due-mail";
import type { MailRequest } from "@/lib/mail/mail-templates";
import { queueMail } from "@/lib/mail/queue-mail";
import { retryDelayMs } from "@/lib/mail/retry-delay";
import { startMailWorker } from "@/lib/mail/start-mail-worker";
import { createFreshDatabase, testProviders, type TestDatabase } from "../support/test-databases";
import { startSmtpTestServer, type SmtpTestServer } from "./smtp-test-server";

const START = new Date("2026-01-15T10:00:00.000Z");
const FROM = { name: "Identity Provider", address: "no-reply@idp.test" };
const LOGIN = { user: "mailer", pass: "smtp-Pa55word-never-logged" };
const TOKEN = "tok-7f3a9c1e5b2d4680"; // stands for a single-use token in a link
const ORG_URL = "https://idp.test";

const resetRequest = (to: string, n = 0): MailRequest<"password-reset"> => ({
  to,
  userId: `00u${n}`,
  template: "password-reset",
  variables: { firstName: `Ada${n}`, resetUrl: `https://idp.test/signin/reset/${TOKEN}-${n}`, expiresAt: new Date(START.getTime() + 3_600_000) },
  locale: "en",
});

/** A port nothing listens on (the mail server is down), which the test may later start its server on. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.each(testProviders())("mail delivery on %s", (provider) => {
  let database: TestDatabase;
  let db: Db;
  let clock: { now: Date };
  let logs: string[];
  let cert: { key: string; cert: string };

  beforeAll(async () => {
    database = await createFreshDatabase(provider);
    await runMigrations({ databaseUrl: database.url });
    db = createDbClient(database.url);
    // a self-signed certificate for 127.0.0.1, made here; the transport trusts it as its CA
    const pems = await generate([{ name: "commonName", value: "localhost" }], {
      keyType: "ec",
      curve: "P-256",
      extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }, { type: 2, value: "localhost" }] }],
    });
    cert = { key: pems.private, cert: pems.cert };
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });
  beforeEach(async () => {
    await db.mailMessage.deleteMany();
    clock = { now: new Date(START) };
    logs = [];
  });

  async function queue(...requests: MailRequest[]): Promise<string[]> {
    return db.$transaction(async (tx) => {
      const ids: string[] = [];
      for (const request of requests) ids.push((await queueMail(tx, request, { now: clock.now, orgUrl: ORG_URL })).id);
      return ids;
    });
  }

  function smtp(port: number, security: SmtpSettings["security"] = "opportunistic", login: SmtpSettings["auth"] = null): SmtpSettings {
    return { host: "127.0.0.1", port, security, auth: login };
  }

  function options(transport: DeliverOptions["transport"], extra: Partial<DeliverOptions> = {}): DeliverOptions {
    return { transport, from: FROM, now: () => clock.now, random: () => 0.5, log: (line) => logs.push(line), secrets: [LOGIN.user, LOGIN.pass], ...extra };
  }

  it("refuses a recipient that is not one plain address (header injection), and stores nothing", async () => {
    for (const to of ["ada@example.com\r\nBcc: everyone@example.com", "ada@example.com\n", "Ada <ada@example.com>", "ada@example.com, eve@example.com", "ada@example.com;eve@example.com", "@example.com", "ada@localhost", `${"a".repeat(250)}@example.com`]) {
      await expect(queue(resetRequest(to))).rejects.toThrow("queueMail: the recipient is not one plain email address");
    }
    await expect(queue({ ...resetRequest("ada@example.com"), variables: { ...resetRequest("ada@example.com").variables, resetUrl: "javascript:alert(1)" } })).rejects.toThrow(/renderMail/);
    expect(await db.mailMessage.count()).toBe(0);
  });

  it("queues in the caller's transaction: rolled back, no message", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await queueMail(tx, resetRequest("ada@example.com"), { now: clock.now, orgUrl: ORG_URL });
        throw new Error("the change that sends it failed");
      }),
    ).rejects.toThrow("the change that sends it failed");
    expect(await db.mailMessage.count()).toBe(0);
  });

  it("renders in the request's language (a supported one, else English)", async () => {
    const [de, es] = await queue({ ...resetRequest("de@example.com"), locale: "de-CH" }, { ...resetRequest("es@example.com"), locale: "es" });
    const rows = await db.mailMessage.findMany({ where: { id: { in: [de!, es!] } }, orderBy: { toAddress: "asc" } });
    expect(rows.map((r) => [r.toAddress, r.locale, r.subject])).toEqual([
      ["de@example.com", "de", "Setzen Sie Ihr Passwort für Identity Provider zurück"],
      ["es@example.com", "en", "Reset your Identity Provider password"],
    ]);
  });

  it("negotiates the language once (negotiateOrgLocale): the asked locale (Okta's de_DE form too), then Accept-Language, then the org default", async () => {
    await db.orgSettings.create({ data: { id: "org", name: "Org", settings: { defaultLocale: "fr" }, lastUpdated: clock.now } });
    try {
      const ids = await queue(
        { ...resetRequest("profile@example.com"), locale: "de_DE", acceptLanguage: "fr" },
        { ...resetRequest("browser@example.com"), locale: "ja_JP", acceptLanguage: "es, de;q=0.8" },
        { ...resetRequest("org@example.com"), locale: undefined, acceptLanguage: "es" },
        { ...resetRequest("nothing@example.com"), locale: undefined },
      );
      const rows = await db.mailMessage.findMany({ where: { id: { in: ids } }, orderBy: { toAddress: "asc" } });
      expect(rows.map((r) => [r.toAddress, r.locale])).toEqual([
        ["browser@example.com", "de"],
        ["nothing@example.com", "fr"],
        ["org@example.com", "fr"],
        ["profile@example.com", "de"],
      ]);
      expect(rows.find((r) => r.toAddress === "org@example.com")!.subject).toMatch(/Réinitialisez/);
    } finally {
      await db.orgSettings.delete({ where: { id: "org" } });
    }
  });

  it("delivers over STARTTLS with a login: headers, both bodies, then erases the bodies", async () => {
    const server = await startSmtpTestServer({ tls: cert, login: LOGIN });
    const transport = createSmtpTransport(smtp(server.port, "required", LOGIN), { tls: { ca: cert.cert } });
    try {
      const [id] = await queue(resetRequest("ada@example.com", 1));
      const report = await deliverDueMail(db, options(transport));
      expect(report).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0, outbox: 0, lost: 0 });
      expect(server.received).toHaveLength(1);
      const mail = server.received[0]!;
      expect(mail.secure).toBe(true);
      expect(mail.user).toBe(LOGIN.user);
      expect(mail.envelopeFrom).toBe("no-reply@idp.test");
      expect(mail.envelopeTo).toEqual(["ada@example.com"]);
      expect(mail.headers.get("from")).toBe("Identity Provider <no-reply@idp.test>");
      expect(mail.headers.get("to")).toBe("ada@example.com");
      expect(mail.headers.get("subject")).toBe("Reset your Identity Provider password");
      expect(mail.headers.get("message-id")).toBe(`<${id}@idp.test>`);
      expect(mail.headers.get("date")).toBe("Thu, 15 Jan 2026 10:00:00 +0000");
      expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
      expect(mail.headers.get("content-type")).toMatch(/^multipart\/alternative;/);
      expect(mail.headers.has("bcc")).toBe(false);
      expect(mail.text).toContain(`Reset password:\nhttps://idp.test/signin/reset/${TOKEN}-1\n`);
      expect(mail.text.startsWith("Hello Ada1,\n")).toBe(true);
      expect(mail.html).toContain(`<a href="https://idp.test/signin/reset/${TOKEN}-1" target="_blank"`);
      expect(mail.html).toContain('<html lang="en" dir="ltr">');

      const row = await db.mailMessage.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "SENT", attempts: 1, sentAt: START, lastError: null, textBody: "", htmlBody: "" });
      expect(logs).toEqual([]);
      // nothing is due any more
      expect((await deliverDueMail(db, options(transport))).claimed).toBe(0);
    } finally {
      transport.close();
      await server.close();
    }
  });

  it("delivers over implicit TLS (smtps://)", async () => {
    const server = await startSmtpTestServer({ tls: cert, implicitTls: true });
    const transport = createSmtpTransport(smtp(server.port, "implicit"), { tls: { ca: cert.cert } });
    try {
      await queue(resetRequest("ada@example.com"));
      expect((await deliverDueMail(db, options(transport))).sent).toBe(1);
      expect(server.received.map((m) => m.secure)).toEqual([true]);
    } finally {
      transport.close();
      await server.close();
    }
  });

  it("never sends the password in clear: STARTTLS required and not offered is a failed attempt", async () => {
    const server = await startSmtpTestServer({ login: LOGIN }); // no certificate: no STARTTLS
    const transport = createSmtpTransport(smtp(server.port, "required", LOGIN));
    try {
      const [id] = await queue(resetRequest("ada@example.com"));
      const report = await deliverDueMail(db, options(transport));
      expect(report.retried).toBe(1);
      expect(server.received).toHaveLength(0);
      const row = await db.mailMessage.findUniqueOrThrow({ where: { id } });
      expect(row.status).toBe("QUEUED");
      expect(row.lastError).toMatch(/STARTTLS/i);
    } finally {
      transport.close();
      await server.close();
    }
  });

  it("retries while the mail server is down, with backoff, and delivers everything once it is up", async () => {
    const port = await freePort();
    const transport = createSmtpTransport(smtp(port));
    let server: SmtpTestServer | null = null;
    try {
      const ids = await queue(...[1, 2, 3].map((n) => resetRequest(`user${n}@example.com`, n)));
      // down: every message is tried once and waits its backoff (30 s step, jitter 0.5: 22.5 s)
      expect(await deliverDueMail(db, options(transport))).toEqual({ claimed: 3, sent: 0, retried: 3, failed: 0, outbox: 0, lost: 0 });
      const waiting = await db.mailMessage.findMany({ orderBy: { id: "asc" } });
      expect(waiting.map((m) => [m.id, m.status, m.attempts, m.nextAttemptAt.getTime()])).toEqual(ids.sort().map((id) => [id, "QUEUED", 1, START.getTime() + retryDelayMs(1, () => 0.5)]));
      expect(waiting[0]!.lastError).toMatch(/ECONNECTION|ESOCKET|ECONNREFUSED/);
      expect(waiting[0]!.textBody).toContain(TOKEN); // kept until delivered
      expect(logs).toHaveLength(3);
      expect(logs[0]).toMatch(/^\[mail\] message \S+ not delivered \(attempt 1 of 10\), next attempt at 2026-01-15T10:00:22\.500Z: /);

      // not due yet: nothing is tried
      clock.now = new Date(START.getTime() + 22_000);
      expect((await deliverDueMail(db, options(transport))).claimed).toBe(0);

      // up again; due again
      server = await startSmtpTestServer({ port });
      clock.now = new Date(START.getTime() + 23_000);
      expect(await deliverDueMail(db, options(transport))).toEqual({ claimed: 3, sent: 3, retried: 0, failed: 0, outbox: 0, lost: 0 });
      expect(server.received.map((m) => m.envelopeTo[0]).sort()).toEqual(["user1@example.com", "user2@example.com", "user3@example.com"]);
      expect((await db.mailMessage.findMany()).map((m) => [m.status, m.attempts])).toEqual([
        ["SENT", 2],
        ["SENT", 2],
        ["SENT", 2],
      ]);
      // no token and no credential in any log line
      for (const line of logs) expect(line).not.toMatch(new RegExp(`${TOKEN}|${LOGIN.pass}|${LOGIN.user}`));
    } finally {
      transport.close();
      await server?.close();
    }
  });

  it("gives up after the last attempt: FAILED, the bodies erased, the reason kept", async () => {
    const port = await freePort();
    const transport = createSmtpTransport(smtp(port));
    try {
      const [id] = await queue(resetRequest("ada@example.com"));
      const retry = { baseMs: 1000, capMs: 1000, maxAttempts: 3 };
      const reports = [];
      for (let i = 0; i < 3; i++) {
        reports.push(await deliverDueMail(db, options(transport, { retry })));
        clock.now = new Date(clock.now.getTime() + 1000);
      }
      expect(reports.map((r) => [r.retried, r.failed])).toEqual([
        [1, 0],
        [1, 0],
        [0, 1],
      ]);
      const row = await db.mailMessage.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "FAILED", attempts: 3, textBody: "", htmlBody: "", sentAt: null });
      expect(row.lastError).toMatch(/ECONNECTION|ESOCKET|ECONNREFUSED/);
      expect(logs[2]).toMatch(/not delivered after 3 attempt\(s\), given up/);
      clock.now = new Date(clock.now.getTime() + 86_400_000);
      expect((await deliverDueMail(db, options(transport, { retry }))).claimed).toBe(0);
    } finally {
      transport.close();
    }
  });

  it("gives up at once when the server refuses the recipient for good (5xx), and keeps trying on 4xx", async () => {
    const server = await startSmtpTestServer({ refuseRecipient: (address) => (address.startsWith("gone@") ? 550 : address.startsWith("busy@") ? 451 : null) });
    const transport = createSmtpTransport(smtp(server.port));
    try {
      await queue(resetRequest("gone@example.com"), resetRequest("busy@example.com"));
      expect(await deliverDueMail(db, options(transport))).toMatchObject({ claimed: 2, failed: 1, retried: 1 });
      const rows = await db.mailMessage.findMany({ orderBy: { toAddress: "asc" } });
      expect(rows.map((r) => [r.toAddress, r.status, r.attempts])).toEqual([
        ["busy@example.com", "QUEUED", 1],
        ["gone@example.com", "FAILED", 1],
      ]);
      expect(rows[1]!.lastError).toMatch(/^EENVELOPE 550 /);
    } finally {
      transport.close();
      await server.close();
    }
  });

  it("survives a restart: a send cut off by a crash is retried by a new instance once its lease is over", async () => {
    const server = await startSmtpTestServer();
    const other = createDbClient(database.url); // the new instance: its own connection pool
    const transport = createSmtpTransport(smtp(server.port));
    try {
      // queued one millisecond apart: due in this order
      const [crashed] = await queue(resetRequest("crashed@example.com"));
      clock.now = new Date(START.getTime() + 1);
      const [waiting] = await queue(resetRequest("waiting@example.com"));
      // the first instance claims the first message and dies before the send finishes
      const hanging = { send: () => new Promise<void>(() => {}), close: () => {} };
      void deliverDueMail(db, options(hanging, { batchSize: 1 }));
      await expect.poll(async () => (await db.mailMessage.findUniqueOrThrow({ where: { id: crashed } })).attempts).toBe(1);

      // the new instance: the message never tried is sent; the claimed one waits for the lease
      const second = await deliverDueMail(other, options(transport));
      expect(second).toMatchObject({ claimed: 1, sent: 1 });
      expect(server.received.map((m) => m.envelopeTo[0])).toEqual(["waiting@example.com"]);
      clock.now = new Date(START.getTime() + 120_000); // the lease (claimed at +1 ms) is not over yet
      expect((await deliverDueMail(other, options(transport))).claimed).toBe(0);
      clock.now = new Date(START.getTime() + 120_001);
      expect(await deliverDueMail(other, options(transport))).toMatchObject({ claimed: 1, sent: 1 });
      expect(server.received.map((m) => m.envelopeTo[0])).toEqual(["waiting@example.com", "crashed@example.com"]);
      expect((await other.mailMessage.findMany({ where: { id: { in: [crashed!, waiting!] } }, orderBy: { toAddress: "asc" } })).map((m) => [m.toAddress, m.status, m.attempts])).toEqual([
        ["crashed@example.com", "SENT", 2],
        ["waiting@example.com", "SENT", 1],
      ]);
    } finally {
      transport.close();
      await other.$disconnect();
      await server.close();
    }
  });

  it("a worker started with a new instance delivers what an earlier one left queued", async () => {
    const server = await startSmtpTestServer();
    await queue(resetRequest("a@example.com"), resetRequest("b@example.com"));
    const restarted = createDbClient(database.url);
    const worker = startMailWorker(restarted, { transport: createSmtpTransport(smtp(server.port)), from: FROM, now: () => clock.now, log: (line) => logs.push(line), pollMs: 20 });
    try {
      await expect.poll(() => server.received.length, { timeout: 10_000 }).toBe(2);
      await expect.poll(async () => restarted.mailMessage.count({ where: { status: "SENT" } })).toBe(2);
    } finally {
      await worker.stop();
      expect(worker.busy()).toBe(false);
      await restarted.$disconnect();
      await server.close();
    }
  });

  it("two instances never send one message twice", async () => {
    const server = await startSmtpTestServer();
    const second = createDbClient(database.url);
    const transports = [createSmtpTransport(smtp(server.port)), createSmtpTransport(smtp(server.port))];
    try {
      const ids = await queue(...Array.from({ length: 24 }, (_, n) => resetRequest(`user${n}@example.com`, n)));
      const rounds = (client: Db, transport: (typeof transports)[number]) => async () => {
        const reports = [];
        for (let i = 0; i < 4; i++) reports.push(await deliverDueMail(client, options(transport, { batchSize: 8 })));
        return reports;
      };
      const [first, other] = await Promise.all([rounds(db, transports[0]!)(), rounds(second, transports[1]!)()]);
      const sent = [...first, ...other].reduce((sum, r) => sum + r.sent, 0);
      expect(sent).toBe(24);
      expect([...first, ...other].every((r) => r.lost === 0)).toBe(true);
      const messageIds = server.received.map((m) => m.headers.get("message-id"));
      expect(messageIds).toHaveLength(24);
      expect(new Set(messageIds).size).toBe(24);
      expect(new Set(messageIds)).toEqual(new Set(ids.map((id) => `<${id}@idp.test>`)));
      expect(await db.mailMessage.count({ where: { status: "SENT", attempts: 1 } })).toBe(24);
    } finally {
      for (const t of transports) t.close();
      await second.$disconnect();
      await server.close();
    }
  });

  it("without SMTP_URL: the development outbox keeps the message, logs recipient, subject and link once, sends nothing", async () => {
    const [id] = await queue(resetRequest("ada@example.com", 7), { to: "bob@example.com", template: "password-changed", variables: { firstName: "Bob", when: START } });
    expect(await deliverDueMail(db, options(null))).toEqual({ claimed: 2, sent: 0, retried: 0, failed: 0, outbox: 2, lost: 0 });
    expect(logs.sort()).toEqual([
      `[mail] development outbox (SMTP_URL is not set; nothing is sent): to ada@example.com, subject "Reset your Identity Provider password", link https://idp.test/signin/reset/${TOKEN}-7`,
      `[mail] development outbox (SMTP_URL is not set; nothing is sent): to bob@example.com, subject "Your Identity Provider password was changed"`,
    ]);
    const row = await db.mailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "OUTBOX", attempts: 1, sentAt: null });
    expect(row.textBody).toContain(`https://idp.test/signin/reset/${TOKEN}-7`);
    expect(row.htmlBody).toContain(`https://idp.test/signin/reset/${TOKEN}-7`);
    expect((await deliverDueMail(db, options(null))).claimed).toBe(0);
    expect(logs).toHaveLength(2);
  });

  it("stops claiming at shutdown and finishes the send in progress", async () => {
    await queue(resetRequest("a@example.com"), resetRequest("b@example.com"));
    let release: () => void = () => {};
    const sent: string[] = [];
    const slow = {
      send: (mail: { to: string }) =>
        new Promise<void>((resolve) => {
          release = () => {
            sent.push(mail.to);
            resolve();
          };
        }),
      close: () => {},
    };
    const worker = startMailWorker(db, { transport: slow, from: FROM, now: () => clock.now, log: (line) => logs.push(line), pollMs: 20 });
    await expect.poll(() => worker.busy()).toBe(true);
    await expect.poll(async () => db.mailMessage.count({ where: { attempts: 1 } })).toBe(1);
    const stopped = worker.stop();
    release();
    await stopped;
    expect(sent).toHaveLength(1);
    expect(await db.mailMessage.count({ where: { status: "SENT" } })).toBe(1);
    expect(await db.mailMessage.count({ where: { status: "QUEUED", attempts: 0 } })).toBe(1);
  });
});
