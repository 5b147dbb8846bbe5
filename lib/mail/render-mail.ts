import { createTranslator } from "../i18n/format-message";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { defaultMailBrand, type MailBrand } from "./mail-brand";
import { renderMailHtml, renderMailText, safeBrand, type MailContent } from "./mail-layout";
import { MAIL_MESSAGES } from "./mail-messages";
import type { MailTemplate, MailTemplateVariables, RenderedMail } from "./mail-templates";
import { checkLink, formatMailDate, singleLine } from "./mail-text";

type Translate = ReturnType<typeof createTranslator<keyof (typeof MAIL_MESSAGES)["en"]>>;
type Tools = { t: Translate; date: (value: Date) => string; productName: string };
type Renderers = { [T in MailTemplate]: (v: MailTemplateVariables[T], tools: Tools) => MailContent };

const name = (value: string) => singleLine(value, 100);

/** A message with a single-use link: greeting, what it is for, the button, when it expires. */
function linkMail(template: "activation" | "password-reset" | "email-verification" | "email-change", firstName: string, url: string, expiresAt: Date, { t, date, productName }: Tools): MailContent {
  return {
    subject: t(`${template}.subject`, { productName }),
    before: [t("greeting", { firstName: name(firstName) }), t(`${template}.intro`, { productName })],
    action: { label: t(`${template}.action`), url: checkLink(url, `the ${template} link`) },
    after: [t("expires", { expiresAt: date(expiresAt) }), ...(template === "activation" ? [] : [t("ignore")])],
  };
}

const RENDERERS: Renderers = {
  activation: (v, tools) => linkMail("activation", v.firstName, v.activationUrl, v.expiresAt, tools),
  "password-reset": (v, tools) => linkMail("password-reset", v.firstName, v.resetUrl, v.expiresAt, tools),
  "email-verification": (v, tools) => linkMail("email-verification", v.firstName, v.verifyUrl, v.expiresAt, tools),
  "email-change": (v, tools) => linkMail("email-change", v.firstName, v.verifyUrl, v.expiresAt, tools),
  "factor-enrolled": (v, { t, date }) => ({
    subject: t("factor-enrolled.subject"),
    before: [t("greeting", { firstName: name(v.firstName) }), t("factor-enrolled.body", { factorName: name(v.factorName), when: date(v.when) }), t("notYou")],
    after: [],
  }),
  "password-changed": (v, { t, date, productName }) => ({
    subject: t("password-changed.subject", { productName }),
    before: [t("greeting", { firstName: name(v.firstName) }), t("password-changed.body", { when: date(v.when) }), t("notYou")],
    after: [],
  }),
  "email-changed": (v, { t, date, productName }) => ({
    subject: t("email-changed.subject", { productName }),
    before: [t("greeting", { firstName: name(v.firstName) }), t("email-changed.body", { newEmail: singleLine(v.newEmail, 100), when: date(v.when) }), t("notYou")],
    after: [],
  }),
  "account-exists": (v, { t, date, productName }) => ({
    subject: t("account-exists.subject", { productName }),
    before: [t("greeting", { firstName: name(v.firstName) }), t("account-exists.body", { productName, when: date(v.when) }), t("account-exists.signin")],
    action: { label: t("account-exists.action"), url: checkLink(v.signinUrl, "the sign-in link") },
    after: [t("ignore")],
  }),
};

/**
 * Renders a template to its subject, plain-text and HTML bodies in `locale` (default English),
 * with `brand` (default: the neutral brand). Names become single lines and the subject has no line
 * break (no header injection); links must be absolute http(s) URLs (else an Error); every value is
 * escaped in the HTML.
 */
export function renderMail<T extends MailTemplate>(template: T, variables: MailTemplateVariables[T], options: { locale?: Locale; brand?: MailBrand } = {}): RenderedMail {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const brand = safeBrand(options.brand ?? defaultMailBrand());
  const tools: Tools = { t: createTranslator(MAIL_MESSAGES, locale), date: (value) => formatMailDate(value, locale), productName: brand.productName };
  const content = (RENDERERS[template] as (v: MailTemplateVariables[T], tools: Tools) => MailContent)(variables, tools);
  const subjectLine = singleLine(content.subject, 250);
  const chrome = { lang: locale, linkFallback: tools.t("linkFallback"), automated: tools.t("automated", { productName: brand.productName }) };
  const safe = { ...content, subject: subjectLine };
  return { subject: subjectLine, text: renderMailText(safe, brand, chrome), html: renderMailHtml(safe, brand, chrome) };
}
