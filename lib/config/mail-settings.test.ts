import { describe, expect, it } from "vitest";
import { ConfigError } from "./config-error";
import { parseMailFrom, parseMailSettings, parseSmtpUrl } from "./mail-settings";
import { parseConfig } from "./parse-config";

const ORG = "https://id.example.com";

describe("SMTP_URL", () => {
  it("is optional: unset means the development outbox", () => {
    expect(parseMailSettings({}, ORG)).toEqual({ smtp: null, from: { name: "Identity Provider", address: "no-reply@id.example.com" }, productName: "Identity Provider" });
    expect(parseConfig({ SMTP_URL: "  " }).mail.smtp).toBeNull();
  });

  it.each([
    ["smtp://mail.example.com", { host: "mail.example.com", port: 587, security: "opportunistic", auth: null }],
    ["smtp://mail.example.com:25/", { host: "mail.example.com", port: 25, security: "opportunistic", auth: null }],
    ["smtp://user%40example.com:p%40ss%3Aw0rd@mail.example.com:587", { host: "mail.example.com", port: 587, security: "required", auth: { user: "user@example.com", pass: "p@ss:w0rd" } }],
    ["smtp://relay:secret@127.0.0.1:2525?starttls=opportunistic", { host: "127.0.0.1", port: 2525, security: "opportunistic", auth: { user: "relay", pass: "secret" } }],
    ["smtp://localhost:1025?starttls=never", { host: "localhost", port: 1025, security: "never", auth: null }],
    ["smtp://mail.example.com?starttls=required", { host: "mail.example.com", port: 587, security: "required", auth: null }],
    ["smtps://apikey:s3cret@smtp.example.net", { host: "smtp.example.net", port: 465, security: "implicit", auth: { user: "apikey", pass: "s3cret" } }],
    ["smtps://[::1]:4650", { host: "::1", port: 4650, security: "implicit", auth: null }],
  ])("%s", (raw, expected) => {
    expect(parseSmtpUrl(raw)).toEqual(expected);
  });

  it.each([
    ["http://mail.example.com", "must use smtp:// (STARTTLS) or smtps://"],
    ["mail.example.com:587", "must use smtp://"],
    ["smtp://", "must name a host"],
    ["smtp://exa mple.com", "must be an smtp:// or smtps:// URL"],
    ["smtp://mail.example.com/path", "must not have a path"],
    ["smtp://mail.example.com?tls=off", "accepts only the query parameter starttls"],
    ["smtp://mail.example.com?starttls=maybe", "accepts only the query parameter starttls"],
    ["smtp://mail.example.com?starttls=never&starttls=required", "must not repeat"],
    ["smtps://mail.example.com?starttls=required", "smtps:// is TLS from the start"],
    ["smtp://:secretpass@mail.example.com", "password without a user"],
    ["smtp://user:bad%ZZsecret@mail.example.com", "not valid percent-encoding"],
    ["smtp://user:sec%0D%0Aret@mail.example.com", "line breaks"],
  ])("refuses %s", (raw, why) => {
    expect(() => parseSmtpUrl(raw)).toThrow(ConfigError);
    expect(() => parseSmtpUrl(raw)).toThrow(why);
  });

  it("never shows the user or password in its error", () => {
    for (const raw of ["smtp://alice:hunter2hunter2@mail.example.com/x", "smtp://alice:hunter2hunter2@mail.example.com?x=1", "smtp://alice:hunter2%ZZ@mail.example.com"]) {
      let message = "";
      try {
        parseSmtpUrl(raw);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('(got "smtp://mail.example.com');
      expect(message).not.toMatch(/alice|hunter2/);
    }
  });
});

describe("MAIL_FROM", () => {
  it.each([
    ["idp@example.com", { name: "", address: "idp@example.com" }],
    ["Acme Sign-In <idp@example.com>", { name: "Acme Sign-In", address: "idp@example.com" }],
    ['"Acme, Inc." <idp@example.com>', { name: "Acme, Inc.", address: "idp@example.com" }],
    ["<idp@example.com>", { name: "", address: "idp@example.com" }],
  ])("%s", (raw, expected) => {
    expect(parseMailFrom(raw, "Identity Provider", ORG)).toEqual(expected);
  });

  it.each([
    ["idp@example.com\r\nBcc: everyone@example.com"],
    ["Acme\r\nBcc: x@example.com <idp@example.com>"],
    ["Acme <idp@example.com>\n"],
    ["not an address"],
    ["a@example.com, b@example.com"],
    ["Acme <a@example.com> <b@example.com>"],
    ['Ac"me <idp@example.com>'],
  ])("refuses %j (one line, one address)", (raw) => {
    expect(() => parseMailFrom(raw, "Identity Provider", ORG)).toThrow(/MAIL_FROM must be an email address/);
  });

  it("defaults to no-reply at ORG_URL's host with the product name", () => {
    expect(parseConfig({ ORG_URL: "https://login.acme.example", MAIL_PRODUCT_NAME: "Acme ID" }).mail.from).toEqual({ name: "Acme ID", address: "no-reply@login.acme.example" });
    expect(parseConfig({}).mail.from).toEqual({ name: "Identity Provider", address: "no-reply@localhost" });
  });
});

describe("MAIL_PRODUCT_NAME", () => {
  it("is one line", () => {
    expect(() => parseConfig({ MAIL_PRODUCT_NAME: "Acme\nID" })).toThrow(/MAIL_PRODUCT_NAME/);
    expect(parseConfig({ MAIL_PRODUCT_NAME: "Acme ID" }).mail.productName).toBe("Acme ID");
  });
});
