import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES } from "../i18n/locales";
import { buttonTextColor } from "./mail-layout";
import { MAIL_MESSAGES } from "./mail-messages";
import { MAIL_TEMPLATES, type MailTemplate, type MailTemplateVariables } from "./mail-templates";
import { renderMail } from "./render-mail";

const WHEN = new Date("2026-01-15T10:00:00.000Z");
const VARIABLES: { [T in MailTemplate]: MailTemplateVariables[T] } = {
  activation: { firstName: "Ada", activationUrl: "https://idp.example.com/activate/tok-activation", expiresAt: WHEN },
  "password-reset": { firstName: "Ada", resetUrl: "https://idp.example.com/reset/tok-reset?a=1&b=2", expiresAt: WHEN },
  "email-verification": { firstName: "Ada", verifyUrl: "https://idp.example.com/verify/tok-verify", expiresAt: WHEN },
  "factor-enrolled": { firstName: "Ada", factorName: "Google Authenticator", when: WHEN },
  "password-changed": { firstName: "Ada", when: WHEN },
  "email-changed": { firstName: "Ada", newEmail: "ada.new@example.com", when: WHEN },
  "email-change": { firstName: "Ada", verifyUrl: "https://idp.example.com/account/email/verify?token=tok-change", expiresAt: WHEN },
  "account-exists": { firstName: "Ada", signinUrl: "https://idp.example.com/signin", when: WHEN },
};
const render = <T extends MailTemplate>(template: T, variables: MailTemplateVariables[T], options?: Parameters<typeof renderMail>[2]) => renderMail(template, variables, options);

const SUBJECTS: Record<(typeof SUPPORTED_LOCALES)[number], Record<MailTemplate, string>> = {
  en: {
    activation: "Activate your Identity Provider account",
    "password-reset": "Reset your Identity Provider password",
    "email-verification": "Confirm your email address",
    "factor-enrolled": "A sign-in method was added to your account",
    "password-changed": "Your Identity Provider password was changed",
    "email-changed": "The email address of your Identity Provider account was changed",
    "email-change": "Confirm your new email address",
    "account-exists": "Someone tried to sign up for Identity Provider with your email address",
  },
  de: {
    activation: "Aktivieren Sie Ihr Konto bei Identity Provider",
    "password-reset": "Setzen Sie Ihr Passwort für Identity Provider zurück",
    "email-verification": "Bestätigen Sie Ihre E-Mail-Adresse",
    "factor-enrolled": "Ihrem Konto wurde eine Anmeldemethode hinzugefügt",
    "password-changed": "Ihr Passwort für Identity Provider wurde geändert",
    "email-changed": "Die E-Mail-Adresse Ihres Kontos bei Identity Provider wurde geändert",
    "email-change": "Bestätigen Sie Ihre neue E-Mail-Adresse",
    "account-exists": "Jemand wollte mit Ihrer Adresse ein Konto bei Identity Provider anlegen",
  },
  fr: {
    activation: "Activez votre compte Identity Provider",
    "password-reset": "Réinitialisez votre mot de passe Identity Provider",
    "email-verification": "Confirmez votre adresse e-mail",
    "factor-enrolled": "Une méthode de connexion a été ajoutée à votre compte",
    "password-changed": "Votre mot de passe Identity Provider a été modifié",
    "email-changed": "L’adresse e-mail de votre compte Identity Provider a été modifiée",
    "email-change": "Confirmez votre nouvelle adresse e-mail",
    "account-exists": "Quelqu’un a tenté de créer un compte Identity Provider avec votre adresse",
  },
};
const DATES = { en: "January 15, 2026 at 10:00 AM UTC", de: "15. Januar 2026 um 10:00 UTC", fr: "15 janvier 2026 à 10:00 UTC" };
const GREETING = { en: "Hello Ada,", de: "Hallo Ada,", fr: "Bonjour Ada," };

describe("renderMail: every template in every locale", () => {
  for (const locale of SUPPORTED_LOCALES) {
    for (const template of MAIL_TEMPLATES) {
      it(`${template} in ${locale}`, () => {
        const mail = render(template, VARIABLES[template], { locale });
        expect(mail.subject).toBe(SUBJECTS[locale][template]);
        // plain text: greeting first, the date in the locale, the footer after the signature separator
        expect(mail.text.startsWith(`${GREETING[locale]}\n\n`)).toBe(true);
        expect(mail.text).toContain(DATES[locale]);
        expect(mail.text).toContain(`\n-- \n${MAIL_MESSAGES[locale].automated.replace("{productName}", "Identity Provider")}\n`);
        // HTML: the document's language and title, the same words escaped, layout tables for presentation only
        expect(mail.html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${locale}" dir="ltr">`));
        expect(mail.html).toContain(`<title>${mail.subject}</title>`);
        expect(mail.html).toContain(`>${GREETING[locale]}</p>`);
        expect(mail.html).not.toMatch(/<table(?![^>]*role="presentation")/);
        expect(mail.html).not.toMatch(/<script|<style|class=/i);
        const urls = VARIABLES[template] as { activationUrl?: string; resetUrl?: string; verifyUrl?: string; signinUrl?: string };
        const url = urls.activationUrl ?? urls.resetUrl ?? urls.verifyUrl ?? urls.signinUrl ?? null;
        if (url) {
          const action = MAIL_MESSAGES[locale][`${template as "activation"}.action`];
          expect(mail.text).toContain(`\n\n${action}:\n${url}\n\n`);
          const escaped = url.replace(/&/g, "&amp;");
          // the button and the spelled-out address, both real links
          expect(mail.html.split(`<a href="${escaped}" target="_blank" rel="noopener noreferrer"`).length).toBe(3);
          expect(mail.html).toContain(`>${action}</a>`);
          expect(mail.html).toContain(MAIL_MESSAGES[locale].linkFallback);
        } else {
          expect(mail.html).not.toContain("<a ");
          expect(mail.text).toContain(MAIL_MESSAGES[locale].notYou);
        }
      });
    }
  }

  it("falls back to English", () => {
    expect(render("password-changed", VARIABLES["password-changed"]).subject).toBe(SUBJECTS.en["password-changed"]);
  });

  it("tells an account's owner that someone tried to sign up with the address, and how to sign in", () => {
    const text = render("account-exists", VARIABLES["account-exists"]).text;
    expect(text).toContain("On January 15, 2026 at 10:00 AM UTC, someone tried to sign up for Identity Provider with this email address. It already belongs to your account, so no new account was created.");
    expect(text).toContain("\n\nSign in:\nhttps://idp.example.com/signin\n\n");
  });

  it("states the factor's name and the time of a notice", () => {
    expect(render("factor-enrolled", VARIABLES["factor-enrolled"], { locale: "de" }).text).toContain("Am 15. Januar 2026 um 10:00 UTC wurde Ihrem Konto Google Authenticator als Anmeldemethode hinzugefügt.");
  });
});

describe("renderMail: hostile values", () => {
  it("turns line breaks in names into spaces (no header or line injection) and escapes markup", () => {
    const mail = render("factor-enrolled", { firstName: "Eve\r\nBcc: victim@example.com\n\nClick https://evil.example", factorName: "<img src=x onerror=alert(1)>\u2028X", when: WHEN });
    expect(mail.text.split("\n")[0]).toBe("Hello Eve Bcc: victim@example.com Click https://evil.example,");
    expect(mail.html).toContain("&lt;img src=x onerror=alert(1)&gt; X was added");
    expect(mail.html).not.toContain("<img");
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it("keeps the subject one line whatever the brand's name holds", () => {
    const mail = render("activation", VARIABLES.activation, { brand: { productName: "Acme\r\nBcc: x@evil.example", primaryColor: "#000000", footerLinks: [] } });
    expect(mail.subject).toBe("Activate your Acme Bcc: x@evil.example account");
  });

  it.each([
    ["javascript:alert(1)"],
    ["data:text/html,hi"],
    ["/relative/path"],
    ["https://user:pw@idp.example.com/x"],
    ["https://idp.example.com/a\r\nBcc: x@y.z"],
    ["https://idp.example.com/a\tb"],
  ])("refuses the link %j", (url) => {
    expect(() => render("password-reset", { firstName: "Ada", resetUrl: url, expiresAt: WHEN })).toThrow(/renderMail: the password-reset link/);
  });

  it("refuses an invalid date", () => {
    expect(() => render("password-changed", { firstName: "Ada", when: new Date(Number.NaN) })).toThrow(/invalid date/);
  });
});

describe("renderMail: the brand", () => {
  it("shows the logo, the colour and the footer links, each made safe", () => {
    const mail = render("activation", VARIABLES.activation, {
      locale: "fr",
      brand: {
        productName: "Acme ID",
        logoUrl: "https://cdn.acme.example/logo.png",
        primaryColor: "#FACC15",
        footerLinks: [
          { label: "Aide", url: "https://acme.example/help" },
          { label: "Bad", url: "javascript:alert(1)" },
        ],
      },
    });
    expect(mail.subject).toBe("Activez votre compte Acme ID");
    expect(mail.html).toContain(`<img src="https://cdn.acme.example/logo.png" alt="Acme ID"`);
    // a light brand colour gets dark button text
    expect(mail.html).toContain("background-color:#facc15");
    expect(mail.html).toContain("color:#111827;text-decoration:none");
    expect(mail.html).toContain(`<a href="https://acme.example/help" target="_blank" rel="noopener noreferrer" style="color:#4b5563;text-decoration:underline">Aide</a>`);
    expect(mail.html).not.toContain("javascript:");
    expect(mail.text).toContain("\nAide: https://acme.example/help\n");
  });

  it("refuses a colour that is not #rrggbb (no CSS injection) and a logo that is not http(s)", () => {
    const mail = render("password-changed", VARIABLES["password-changed"], { brand: { productName: "X", logoUrl: "javascript:x", primaryColor: "red;background:url(https://evil)", footerLinks: [] } });
    expect(mail.html).not.toContain("evil");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("border-top:4px solid #1d4ed8");
  });

  it("picks the button text colour with the better contrast", () => {
    expect(buttonTextColor("#1d4ed8")).toBe("#ffffff");
    expect(buttonTextColor("#ffffff")).toBe("#111827");
    expect(buttonTextColor("#facc15")).toBe("#111827");
  });

  it("never names Okta", () => {
    for (const locale of SUPPORTED_LOCALES) for (const template of MAIL_TEMPLATES) expect(render(template, VARIABLES[template], { locale }).html).not.toMatch(/okta/i);
  });
});
