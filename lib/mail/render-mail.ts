import { escapeHtml } from "../http/escape-html";
import type { MailTemplate, MailTemplateVariables, RenderedMail } from "./mail-templates";

type Rendered = { subject: string; lines: string[]; link?: { label: string; url: string } };
type Renderers = { [T in MailTemplate]: (v: MailTemplateVariables[T]) => Rendered };

const RENDERERS: Renderers = {
  activation: (v) => ({
    subject: "Activate your account",
    lines: [`Hello ${v.firstName},`, "An account has been created for you. Choose a password to activate it.", `The link expires on ${v.expiresAt.toUTCString()}.`],
    link: { label: "Activate account", url: v.activationUrl },
  }),
  "password-reset": (v) => ({
    subject: "Reset your password",
    lines: [`Hello ${v.firstName},`, "Someone asked to reset the password of your account. If it was you, choose a new password.", `The link expires on ${v.expiresAt.toUTCString()}. If you did not ask for this, ignore this email.`],
    link: { label: "Reset password", url: v.resetUrl },
  }),
  "email-verification": (v) => ({
    subject: "Confirm your email address",
    lines: [`Hello ${v.firstName},`, "Confirm that this address is yours.", `The link expires on ${v.expiresAt.toUTCString()}.`],
    link: { label: "Confirm email address", url: v.verifyUrl },
  }),
  "factor-enrolled": (v) => ({
    subject: "A sign-in method was added to your account",
    lines: [`Hello ${v.firstName},`, `${v.factorName} was added to your account on ${v.when.toUTCString()}.`, "If this was not you, contact your administrator."],
  }),
  "password-changed": (v) => ({
    subject: "Your password was changed",
    lines: [`Hello ${v.firstName},`, `The password of your account was changed on ${v.when.toUTCString()}.`, "If this was not you, contact your administrator."],
  }),
};

/** Renders a template to its subject, text and HTML bodies (plain English; branding and locales come with lib/mail's templates). */
export function renderMail<T extends MailTemplate>(template: T, variables: MailTemplateVariables[T]): RenderedMail {
  const { subject, lines, link } = (RENDERERS[template] as (v: MailTemplateVariables[T]) => Rendered)(variables);
  const text = [...lines, ...(link ? ["", `${link.label}: ${link.url}`] : [])].join("\n");
  const html = [...lines.map((line) => `<p>${escapeHtml(line)}</p>`), ...(link ? [`<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`] : [])].join("\n");
  return { subject, text, html };
}
