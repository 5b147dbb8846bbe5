import type { ConnectionOptions } from "node:tls";
import nodemailer from "nodemailer";
import type { SmtpSettings } from "../config/mail-settings";
import type { MailTransport, OutgoingMail } from "./mail-transport";

/** A send (connect, TLS, authenticate, transfer) that takes longer than this is cancelled and retried later. */
export const DEFAULT_SEND_TIMEOUT_MS = 30_000;

export type SmtpTransportOptions = {
  sendTimeoutMs?: number;
  /** extra TLS options (tests: the CA of a self-signed test server); the system's CAs otherwise (NODE_EXTRA_CA_CERTS adds to them) */
  tls?: Pick<ConnectionOptions, "ca" | "servername">;
};

/**
 * The SMTP transport (nodemailer): one connection per message (nothing held open between sends),
 * TLS 1.2 or newer with the certificate verified, implicit TLS for smtps://, STARTTLS as SMTP_URL
 * asks (required when it carries credentials), every wait bounded (connect, greeting, socket) and
 * the whole send cancelled after `sendTimeoutMs`. Never reads files or URLs named in a message and
 * never logs (its logger is off: the SMTP dialogue would show the credentials).
 */
export function createSmtpTransport(settings: SmtpSettings, options: SmtpTransportOptions = {}): MailTransport {
  const sendTimeoutMs = options.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  const stepTimeoutMs = Math.min(10_000, sendTimeoutMs);
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === "implicit",
    requireTLS: settings.security === "required",
    ignoreTLS: settings.security === "never",
    auth: settings.auth ? { user: settings.auth.user, pass: settings.auth.pass } : undefined,
    tls: { minVersion: "TLSv1.2", rejectUnauthorized: true, ...options.tls },
    connectionTimeout: stepTimeoutMs,
    greetingTimeout: stepTimeoutMs,
    dnsTimeout: stepTimeoutMs,
    socketTimeout: sendTimeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    debug: false,
  });
  return {
    async send(mail: OutgoingMail) {
      const domain = mail.from.address.split("@")[1] ?? "localhost";
      await transporter.sendMail({
        from: { name: mail.from.name, address: mail.from.address },
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        date: mail.date,
        // the same Message-ID on every attempt: a receiver that saw a message twice (a send whose
        // completion was lost) can tell it is one message (RFC 5322 3.6.4)
        messageId: `<${mail.id}@${domain}>`,
        // RFC 3834 5: a message no person sent; auto-responders do not answer it
        headers: { "Auto-Submitted": "auto-generated" },
        disableFileAccess: true,
        disableUrlAccess: true,
        signal: AbortSignal.timeout(sendTimeoutMs),
      });
    },
    close() {
      transporter.close();
    },
  };
}
